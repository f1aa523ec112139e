//===- Wording.cpp - sqlrace ------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The words of every check live here, and only here.
//===----------------------------------------------------------------------===//
#include "sqlrace/report/Diagnostic.h"
#include "llvm/ADT/StringExtras.h"

namespace sqlrace::report {

static llvm::StringRef dialectTitle(sql::Dialect D) {
  switch (D) {
  case sql::Dialect::PostgreSQL: return "PostgreSQL";
  case sql::Dialect::MySQL: return "MySQL/MariaDB";
  case sql::Dialect::SQLite: return "SQLite";
  case sql::Dialect::SQLServer: return "SQL Server";
  case sql::Dialect::Unknown: break;
  }
  return "";
}

static WordedFinding wordCheckThenInsert(const flow::Finding &F) {
  std::string Keys = llvm::join(F.KeyColumns, ", ");
  WordedFinding W;
  W.Check = flow::checkId(F.Check).str();
  W.Loc = F.ActLoc;
  W.Message = "insert into '" + F.Table +
              "' can race with the preceding existence check; a concurrent "
              "client can insert the same row in between";
  W.Notes.push_back({F.CheckLoc, "existence of a '" + F.Table +
                                     "' row checked here, keyed on (" + Keys +
                                     ")"});
  if (F.BranchLoc.isValid())
    W.Notes.push_back({F.BranchLoc, "the path goes on from here only when no row was found"});
  W.Notes.push_back({F.ActLoc, "no unique-violation handling, lock or "
                               "serializable transaction makes the check and "
                               "the insert atomic"});
  std::string Constraint = "a UNIQUE constraint on " + F.Table + " (" + Keys + ")";
  if (!F.AtomicSql.empty()) {
    std::string Text = "atomic rewrite (" + dialectTitle(F.Dialect).str() +
                       "): " + F.AtomicSql;
    if (F.Dialect == sql::Dialect::SQLite)
      Text += ", or INSERT OR IGNORE";
    Text += ", backed by " + Constraint;
    W.Notes.push_back({F.ActLoc, Text});
  } else {
    W.Notes.push_back(
        {F.ActLoc, "make the database the arbiter: add " + Constraint +
                       " and use the dialect's insert-if-absent form or "
                       "handle the unique violation"});
  }
  if (F.SqlPartlyUnknown)
    W.Notes.push_back({F.ActLoc, "SQL partly unknown at analysis time; the "
                                 "rewrite keeps the known parts"});
  return W;
}

WordedFinding wordFinding(const flow::Finding &F) {
  switch (F.Check) {
  case flow::CheckKind::CheckThenInsert:
  default:
    return wordCheckThenInsert(F);
  }
}

} // namespace sqlrace::report
