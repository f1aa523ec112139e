//===- JsonPositions.h - sqlrace ------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// nlohmann_json does not keep source positions, so error messages about a
// well-formed but invalid rules file find them here: a small scan of the
// text that maps each JSON pointer to the offset where its value starts.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_CATALOGUE_JSONPOSITIONS_H
#define SQLRACE_CATALOGUE_JSONPOSITIONS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace sqlrace::catalogue {

/// Offsets of values (and, under "<pointer>#key", of object keys) in a JSON
/// text that is known to be syntactically valid.
class JsonPositions {
public:
  explicit JsonPositions(llvm::StringRef Text);
  /// "file:line:col" of the value at Pointer, or of its key when Key is set;
  /// falls back to the nearest enclosing value that is known.
  std::string where(llvm::StringRef File, std::string Pointer,
                    bool Key = false) const;

private:
  llvm::StringRef Text;
  llvm::StringMap<size_t> Offsets;
  size_t scanValue(size_t I, const std::string &Pointer);
  size_t skipSpace(size_t I) const;
  size_t skipString(size_t I) const;
};

/// 1-based line and column of a byte offset.
std::pair<unsigned, unsigned> lineColumn(llvm::StringRef Text, size_t Offset);

} // namespace sqlrace::catalogue

#endif
