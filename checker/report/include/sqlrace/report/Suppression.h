//===- Suppression.h - sqlrace --------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The NOLINT comments of one file, indexed once so that each finding is
// answered by a lookup (report::isSuppressed in Diagnostic.h uses it).
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_REPORT_SUPPRESSION_H
#define SQLRACE_REPORT_SUPPRESSION_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace sqlrace::report {

/// Where a file's NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND markers
/// are, read in one pass over its text, as clang-tidy users write them:
///   code;  // NOLINT                 every check on this line
///   code;  // NOLINT(sqlrace-*)      the checks matching the globs
///   // NOLINTNEXTLINE(check, ...)    the next line
///   // NOLINTBEGIN(...) ... // NOLINTEND(...)   the lines in between
/// A marker is a whole word anywhere on its line (the first occurrence of
/// each kind counts); "(globs)" must follow it directly, else it names every
/// check. A NOLINTEND closes one open NOLINTBEGIN that names the check; one
/// with nothing open is ignored. Lines are split at '\n' and numbered from 1.
///
/// Building costs one pass over the text; each query then costs a binary
/// search, plus one pass over the markers the first time a check is asked
/// about.
class NolintIndex {
public:
  explicit NolintIndex(llvm::StringRef Text);

  /// Whether a marker suppresses Check's finding on Line (1-based).
  bool suppresses(unsigned Line, llvm::StringRef Check);

private:
  /// The globs after a marker; none listed means every check. Kept as
  /// text: a GlobPattern points into the text it was made from.
  struct Checks {
    bool All = true;
    std::vector<std::string> Globs;
    bool matches(llvm::StringRef Check) const;
  };
  enum class Kind { Line, NextLine, Begin, End };
  struct Marker {
    unsigned Line; ///< 1-based line the marker is on
    Kind TheKind;
    Checks Names;
  };
  /// In line order; on one line, in the order of Kind.
  std::vector<Marker> Markers;
  unsigned LineCount = 0;
  /// Per check asked about: the lines at which the number of its open
  /// regions changes, with the number open after that line, in line order.
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> OpenRegions;

  const std::vector<std::pair<unsigned, unsigned>> &
  regionsOf(llvm::StringRef Check);
};

} // namespace sqlrace::report

#endif
