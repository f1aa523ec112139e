//===- JsonText.h - sqlrace -----------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Reading the files sqlrace is given (rules, configs, baselines, compilation
// databases, schemas) without trusting them: only regular files of bounded
// size, JSON nesting bounded before any parser sees it, and positions of
// values found by linear scans that use no recursion.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_CATALOGUE_JSONTEXT_H
#define SQLRACE_CATALOGUE_JSONTEXT_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sqlrace::catalogue {

/// The largest rules, config or baseline file sqlrace reads.
constexpr uint64_t MaxInputFileBytes = uint64_t(64) << 20;
/// The deepest nesting of arrays and objects accepted in any JSON input.
/// sqlrace's own formats need fewer than ten levels.
constexpr unsigned MaxJsonDepth = 128;

/// Reads Path, which must name a regular file (a symbolic link to one is
/// fine) of at most MaxBytes. A FIFO, a device or a directory is refused
/// before it is opened, so nothing blocks or grows without bound. The
/// error's message says why, without the path: "not a regular file (a
/// character device)", "too large (...)", or the system's reason.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readRegularFile(llvm::StringRef Path, uint64_t MaxBytes = MaxInputFileBytes);

/// The same checks without reading: Path names a regular file of at most
/// MaxBytes.
llvm::Error checkRegularFile(llvm::StringRef Path, uint64_t MaxBytes);

/// "64 MB", "1 GB": a byte limit as messages show it.
std::string formatLimit(uint64_t Bytes);

/// 1-based line and column of byte offsets, by binary search over the
/// offsets where lines start (built once, in one pass).
class LineTable {
public:
  explicit LineTable(llvm::StringRef Text);
  std::pair<unsigned, unsigned> lineColumn(size_t Offset) const;

private:
  std::vector<size_t> Starts;
  size_t Size;
};

/// 1-based line and column of a byte offset (one scan; for one lookup).
std::pair<unsigned, unsigned> lineColumn(llvm::StringRef Text, size_t Offset);

/// The offset of the first '[' or '{' (outside strings) that opens a level
/// deeper than MaxDepth, if any. One pass, constant memory.
std::optional<size_t> findDeepNesting(llvm::StringRef Text,
                                      unsigned MaxDepth = MaxJsonDepth);

/// Parses a JSON input (a baseline, a compilation database) with
/// llvm::json, which recurses once per level, after findDeepNesting has
/// bounded its depth. Errors are one line, "File:line:col: invalid JSON:
/// why", with the position counted as everywhere else in sqlrace (1-based
/// columns, from the byte offset llvm::json reports).
llvm::Expected<llvm::json::Value> parseBoundedJson(llvm::StringRef File,
                                                   llvm::StringRef Text);

/// Where the values of a syntactically valid JSON text start, by JSON
/// pointer (RFC 6901, as nlohmann_json spells them). Nothing is indexed
/// while loading: the first lookup pairs every bracket with its closing one
/// (one pass, an explicit stack, no recursion); a lookup then walks along
/// the pointer, and the members of each container it walks through are
/// listed once (nested values are stepped over by their pairs) and kept.
/// Time and memory are linear in the text whatever its depth, and N
/// lookups into one array of N members cost one listing.
class JsonPositions {
public:
  explicit JsonPositions(llvm::StringRef Text);
  ~JsonPositions();
  JsonPositions(const JsonPositions &) = delete;
  JsonPositions &operator=(const JsonPositions &) = delete;
  /// "file:line:col" of the value at Pointer, or of its key when Key is set;
  /// falls back to the nearest enclosing value that is found.
  std::string where(llvm::StringRef File, llvm::StringRef Pointer,
                    bool Key = false) const;
  /// The byte offset where() reports.
  size_t offsetOf(llvm::StringRef Pointer, bool Key = false) const;

private:
  struct Members;
  llvm::StringRef Text;
  mutable std::unique_ptr<LineTable> Lines;
  /// Offsets of each '[' or '{' and of its closing bracket, by opening.
  mutable std::vector<std::pair<size_t, size_t>> Brackets;
  mutable bool Paired = false;
  mutable llvm::DenseMap<size_t, std::unique_ptr<Members>> Listed;
  const Members &members(size_t Container) const;
  size_t skipSpace(size_t I) const;
  size_t skipString(size_t I) const;
  size_t skipValue(size_t I) const;
};

} // namespace sqlrace::catalogue

#endif
