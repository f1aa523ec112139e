//===- Finding.h - sqlrace ------------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// What the flow analysis returns: data about a race, never wording. The
// report layer turns a Finding into diagnostics.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_FINDING_H
#define SQLRACE_FLOW_FINDING_H

#include "sqlrace/project/CheckList.h"
#include "sqlrace/sql/Statement.h"
#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace sqlrace::flow {

/// Which check a finding is for. The checks, their ids and their order are
/// listed once, in sqlrace/project/CheckList.h; flow's sources name the kind
/// without qualification.
using project::CheckKind;

/// Why nothing makes the check (or read) and the act atomic: the one
/// sentence a finding gives.
enum class Unprotected {
  Nothing,                 ///< no transaction, lock or handling at all
  ForUpdateLocksNoRow,     ///< SELECT ... FOR UPDATE of a missing row
  LockedInAutocommit,      ///< a transaction-scoped lock taken outside one
  TransactionEndedBetween, ///< the protecting transaction ended before the act
  DifferentTransaction,    ///< check and act in two transaction objects
  WeakIsolation,           ///< a transaction below SERIALIZABLE
  GapLockDeadlock,         ///< InnoDB: FOR UPDATE's gap lock, deadlock-prone
};

/// One source edit of a fix-it: replace the characters of Range by Text.
struct FixEdit {
  clang::CharSourceRange Range;
  std::string Text;
};

/// One race found in one function.
struct Finding {
  CheckKind Check = CheckKind::CheckThenInsert;
  /// The act (the INSERT's execute call): where the warning goes.
  clang::SourceLocation ActLoc;
  /// The check or read: the call that ran the existence check or the SELECT
  /// whose value the act depends on.
  clang::SourceLocation CheckLoc;
  /// The condition that decided the path: taken only when no row was found
  /// (check-then-insert), or computed from the value read
  /// (check-then-update). Invalid when no branch is involved.
  clang::SourceLocation BranchLoc;
  /// When the check or the act runs inside a called function: where it
  /// runs there, and the name of the function called at CheckLoc/ActLoc.
  clang::SourceLocation CheckInnerLoc, ActInnerLoc;
  std::string CheckVia, ActVia;
  /// The table and the key columns the check fixed.
  std::string Table;
  std::vector<std::string> KeyColumns;
  /// read-modify-write: the column written back with a value computed from
  /// its earlier read.
  std::string Column;
  /// read-modify-write: the new value is the value read plus or minus a
  /// change, on numbers, so the UPDATE can compute it (`col = col + <change>`)
  /// even where no rewrite of its text could be made. Not for a product, a
  /// string or a document edited in C++.
  bool NumericChange = false;
  /// read-modify-write: the program uses the new value it computed after
  /// the UPDATE, so the rewrite must read it back (RETURNING).
  bool NewValueUsedAfter = false;
  /// The UPDATE restates a condition in its WHERE, but the code does not
  /// check how many rows it changed.
  bool GuardUnchecked = false;
  /// unhandled-unique-violation: the declared key that rejects the
  /// duplicate, and where it was declared (a file:line, or a location in
  /// the analysed code).
  std::string KeyName;
  std::vector<std::string> KeyParts;
  bool KeyIsPrimary = false;
  std::string KeyWhere;
  clang::SourceLocation KeyLoc;
  /// The dialect of the API, and the act's SQL as the program writes it.
  sql::Dialect Dialect = sql::Dialect::Unknown;
  std::string ActSql;
  /// The atomic form of the act in that dialect; empty if none can be built.
  /// For read-modify-write, the self-relative UPDATE (the change is bound
  /// instead of the new value).
  std::string AtomicSql;
  Unprotected Why = Unprotected::Nothing;
  /// Part of the act's own statement could not be known at analysis time
  /// (the rewrite keeps the known parts).
  bool ActSqlPartlyUnknown = false;
  /// Part of the check's (or read's) statement could not be known: its
  /// table and key come from the known parts.
  bool CheckSqlPartlyUnknown = false;
  /// A fix-it, only when the rewrite is provably equivalent and local;
  /// empty otherwise. Applied together or not at all.
  std::vector<FixEdit> Fix;
};

/// Something the analysis of one function could not do in full. A Limit:
/// it stopped at a bound (the function may hold races that are not
/// reported). An InternalError: it failed (a bug in sqlrace), and nothing is
/// reported for the function.
struct Remark {
  enum class Kind { Limit, InternalError };
  Kind TheKind = Kind::Limit;
  /// The function's qualified name, as written ("Repo::save").
  std::string Function;
  /// Where the function is declared.
  clang::SourceLocation Loc;
  /// Which limit was reached (with its value), or what failed.
  std::string Message;
};

/// Everything the analysis of one translation unit produced.
struct AnalysisResult {
  std::vector<Finding> Findings;
  std::vector<Remark> Remarks;
};

} // namespace sqlrace::flow

#endif
