//===- Suppression.cpp - sqlrace --------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// NOLINT comments as clang-tidy users write them, so the CLI and the
// clang-tidy plugin silence the same findings:
//   code;  // NOLINT                 every check on this line
//   code;  // NOLINT(sqlrace-*)      the checks matching the globs
//   // NOLINTNEXTLINE(check, ...)    the next line
//   // NOLINTBEGIN(...) ... // NOLINTEND(...)   a region
//===----------------------------------------------------------------------===//
#include "sqlrace/report/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/GlobPattern.h"

namespace sqlrace::report {

// Whether a NOLINT marker's optional "(glob, glob)" list, starting at Rest,
// names Check. No list means every check.
static bool listMatches(llvm::StringRef Rest, llvm::StringRef Check) {
  if (!Rest.starts_with("("))
    return true;
  llvm::StringRef List = Rest.drop_front().split(')').first;
  llvm::SmallVector<llvm::StringRef, 4> Globs;
  List.split(Globs, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef G : Globs) {
    auto Pattern = llvm::GlobPattern::create(G.trim());
    if (Pattern && Pattern->match(Check))
      return true;
  }
  return false;
}

// Finds Marker in Line as a whole word (NOLINT is a prefix of the others)
// and returns what follows it, or nullopt.
static std::optional<llvm::StringRef> marker(llvm::StringRef Line,
                                             llvm::StringRef Marker) {
  for (size_t At = Line.find(Marker); At != llvm::StringRef::npos;
       At = Line.find(Marker, At + 1)) {
    llvm::StringRef Rest = Line.substr(At + Marker.size());
    if (Rest.empty() || !(llvm::isAlnum(Rest[0]) || Rest[0] == '_'))
      return Rest;
  }
  return std::nullopt;
}

bool isSuppressed(const WordedFinding &W, const clang::SourceManager &SM) {
  clang::SourceLocation Loc = SM.getExpansionLoc(W.Loc);
  if (Loc.isInvalid())
    return false;
  clang::FileID File = SM.getFileID(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return false;
  unsigned Target = SM.getExpansionLineNumber(Loc);
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Buffer.split(Lines, '\n');
  if (Target == 0 || Target > Lines.size())
    return false;
  if (auto Rest = marker(Lines[Target - 1], "NOLINT");
      Rest && listMatches(*Rest, W.Check))
    return true;
  if (Target >= 2)
    if (auto Rest = marker(Lines[Target - 2], "NOLINTNEXTLINE");
        Rest && listMatches(*Rest, W.Check))
      return true;
  // Regions: count the BEGINs that name the check and are still open.
  int Open = 0;
  for (unsigned I = 0; I + 1 < Target; ++I) {
    if (auto Rest = marker(Lines[I], "NOLINTBEGIN");
        Rest && listMatches(*Rest, W.Check))
      ++Open;
    if (auto Rest = marker(Lines[I], "NOLINTEND");
        Rest && listMatches(*Rest, W.Check) && Open > 0)
      --Open;
  }
  return Open > 0;
}

} // namespace sqlrace::report
