//===- CheckList.h - sqlrace ----------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The one list of the checks sqlrace has: their kinds, their ids and what
// the output formats say about them. Every other place that names checks
// (the --checks filter, .sqlrace.json's check_options, the analysis, SARIF's
// rules, the clang-tidy module's registrations) reads it from here.
//
// Unlike the rest of checker/project, this part includes no Clang header
// and depends on nothing but LLVM's ADT, so that the catalogue (below the
// analysis) can validate check ids too (scripts/test.sh checks).
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_PROJECT_CHECKLIST_H
#define SQLRACE_PROJECT_CHECKLIST_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace sqlrace::project {

/// The checks sqlrace implements, one finding kind each.
enum class CheckKind {
  CheckThenInsert,
  ReadModifyWrite,
  CheckThenUpdate,
  UnhandledUniqueViolation,
};

/// What every host and output format says about one check.
struct CheckInfo {
  CheckKind Kind;
  /// "sqlrace-check-then-insert": for --checks, NOLINT, check_options and
  /// SARIF's ruleId. Its documentation is docs/checks/<Id without
  /// "sqlrace-">.md.
  llvm::StringRef Id;
  /// "CheckThenInsert": SARIF's rule name.
  llvm::StringRef Name;
  /// One line: SARIF's shortDescription.
  llvm::StringRef Summary;
  /// The first paragraph of the check's documentation, shortened: SARIF's
  /// fullDescription.
  llvm::StringRef Description;
};

/// Every check, in a fixed order (the order of --list-checks and of SARIF's
/// rules).
llvm::ArrayRef<CheckInfo> checkList();
/// The kinds of checkList(), in the same order.
llvm::ArrayRef<CheckKind> allChecks();
/// The id of a kind ("sqlrace-check-then-insert").
llvm::StringRef checkId(CheckKind K);
/// The check with this id, or null.
const CheckInfo *findCheck(llvm::StringRef Id);

} // namespace sqlrace::project

#endif
