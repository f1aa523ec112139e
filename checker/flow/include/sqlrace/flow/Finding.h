//===- Finding.h - sqlrace ------------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// What the flow analysis returns: data about a race, never wording. The
// report layer turns a Finding into diagnostics.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_FINDING_H
#define SQLRACE_FLOW_FINDING_H

#include "sqlrace/sql/Statement.h"
#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace sqlrace::flow {

/// The checks sqlrace implements; the ids are in checkId().
enum class CheckKind {
  CheckThenInsert,
  ReadModifyWrite,
  CheckThenUpdate,
  UnhandledUniqueViolation,
};
/// "sqlrace-check-then-insert", ...
llvm::StringRef checkId(CheckKind K);
/// Every implemented check, in a fixed order.
llvm::ArrayRef<CheckKind> allChecks();

/// One race found in one function.
struct Finding {
  CheckKind Check = CheckKind::CheckThenInsert;
  /// The act (the INSERT's execute call): where the warning goes.
  clang::SourceLocation ActLoc;
  /// The existence check's execute call.
  clang::SourceLocation CheckLoc;
  /// The condition of the branch taken when no row was found.
  clang::SourceLocation BranchLoc;
  /// The table and the key columns the check fixed.
  std::string Table;
  std::vector<std::string> KeyColumns;
  /// The dialect of the API, and the INSERT as the program writes it.
  sql::Dialect Dialect = sql::Dialect::Unknown;
  std::string ActSql;
  /// The atomic form of the act in that dialect; empty if none can be built.
  std::string AtomicSql;
  /// Part of the SQL could not be known at analysis time.
  bool SqlPartlyUnknown = false;
};

} // namespace sqlrace::flow

#endif
