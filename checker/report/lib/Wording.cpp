//===- Wording.cpp - sqlrace ------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The words of every check live here, and only here.
//===----------------------------------------------------------------------===//
#include "sqlrace/report/Diagnostic.h"
#include "sqlrace/project/CheckList.h"
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

// How the dialect reads a row and keeps it locked until the transaction
// ends: SQLite locks the whole database instead, SQL Server uses hints.
static std::string lockedRead(sql::Dialect D) {
  if (D == sql::Dialect::SQLServer)
    return "read the row WITH (UPDLOCK, HOLDLOCK) inside the transaction "
           "that writes it";
  if (D == sql::Dialect::SQLite)
    return "read and write the row inside one BEGIN IMMEDIATE transaction";
  return "read the row with SELECT ... FOR UPDATE inside the transaction "
         "that writes it";
}

// The notes that walk from the existence check to the insert.
static void addInsertPath(const flow::Finding &F, WordedFinding &W) {
  std::string Keys = llvm::join(F.KeyColumns, ", ");
  if (F.CheckVia.empty()) {
    W.Notes.push_back({F.CheckLoc, "existence of a '" + F.Table +
                                       "' row checked here, keyed on (" +
                                       Keys + ")"});
  } else {
    W.Notes.push_back({F.CheckLoc, "existence of a '" + F.Table +
                                       "' row checked by calling '" +
                                       F.CheckVia + "', keyed on (" + Keys +
                                       ")"});
    W.Notes.push_back(
        {F.CheckInnerLoc, "the check runs here, inside '" + F.CheckVia + "'"});
  }
  if (F.BranchLoc.isValid())
    W.Notes.push_back(
        {F.BranchLoc, "the path goes on from here only when no row was found"});
  if (!F.ActVia.empty())
    W.Notes.push_back(
        {F.ActInnerLoc, "the insert runs here, inside '" + F.ActVia + "'"});
}

// The one sentence on why nothing makes the pair atomic.
static std::string whyUnprotected(const flow::Finding &F,
                                  llvm::StringRef Default) {
  switch (F.Why) {
  case flow::Unprotected::ForUpdateLocksNoRow:
    return F.Dialect == sql::Dialect::MySQL
               ? "SELECT ... FOR UPDATE outside a transaction locks nothing; "
                 "inside one at READ COMMITTED it takes no gap lock"
               : "SELECT ... FOR UPDATE locks no row when none matches, so "
                 "another client's INSERT is not blocked";
  case flow::Unprotected::LockedInAutocommit:
    return "the lock was taken outside a transaction and released at the end "
           "of its own statement, before the check";
  case flow::Unprotected::TransactionEndedBetween:
    return "the transaction that protected the check ended before this "
           "statement";
  case flow::Unprotected::DifferentTransaction:
    return "the check and this statement run in two different transaction "
           "objects";
  case flow::Unprotected::WeakIsolation:
    return "the transaction runs below SERIALIZABLE, which does not stop "
           "another client from inserting the same row";
  case flow::Unprotected::GapLockDeadlock:
    return "InnoDB's gap lock blocks the other client's insert, but two such "
           "transactions deadlock (error 1213): one is rolled back and must be "
           "retried";
  case flow::Unprotected::Nothing:
    break;
  }
  return Default.str();
}

// Where the SQL text has parts only known at run time: the act's own
// statement (Rewrite: a rewrite was offered, built from its known parts),
// and the check's, whose table and key were read from its known parts.
static void addPartlyUnknown(const flow::Finding &F, WordedFinding &W,
                             bool Rewrite) {
  if (F.ActSqlPartlyUnknown)
    W.Notes.push_back({F.ActLoc, Rewrite ? "SQL partly unknown at analysis "
                                           "time; the rewrite keeps the "
                                           "known parts"
                                         : "SQL partly unknown at analysis "
                                           "time"});
  if (F.CheckSqlPartlyUnknown)
    W.Notes.push_back({F.CheckLoc, "this SQL is partly unknown at analysis "
                                   "time; its table and key come from the "
                                   "known parts"});
}

// "atomic rewrite (PostgreSQL)", or without a dialect when the program
// chooses it (ODBC, Qt, SOCI, Poco) and nothing told sqlrace which.
static std::string rewriteLabel(sql::Dialect D) {
  llvm::StringRef Title = dialectTitle(D);
  return Title.empty() ? "atomic rewrite" : "atomic rewrite (" + Title.str() + ")";
}

static WordedFinding wordCheckThenInsert(const flow::Finding &F) {
  std::string Keys = llvm::join(F.KeyColumns, ", ");
  WordedFinding W;
  W.Check = project::checkId(F.Check).str();
  W.Loc = F.ActLoc;
  W.Message = "insert into '" + F.Table +
              "' can race with the preceding existence check; a concurrent "
              "client can insert the same row in between";
  addInsertPath(F, W);
  W.Notes.push_back(
      {F.ActLoc, whyUnprotected(F, "no unique-violation handling, lock or "
                                   "serializable transaction makes the check "
                                   "and the insert atomic")});
  std::string Constraint = "a UNIQUE constraint on " + F.Table + " (" + Keys + ")";
  if (!F.AtomicSql.empty()) {
    std::string Text = rewriteLabel(F.Dialect) + ": " + F.AtomicSql;
    if (F.Dialect == sql::Dialect::SQLite)
      Text += ", or INSERT OR IGNORE";
    if (F.Dialect == sql::Dialect::SQLServer)
      Text += ", or MERGE INTO " + F.Table + " WITH (HOLDLOCK) ... WHEN NOT "
              "MATCHED THEN INSERT";
    Text += ", backed by " + Constraint;
    // INSERT IGNORE downgrades every ignorable error, not just duplicates
    // (MySQL and MariaDB document it so).
    if (F.Dialect == sql::Dialect::MySQL)
      Text += " (INSERT IGNORE also silences other errors such as truncation; "
              "ON DUPLICATE KEY UPDATE " + F.KeyColumns.front() + " = " +
              F.KeyColumns.front() + " is stricter)";
    W.Notes.push_back({F.ActLoc, Text});
  } else {
    W.Notes.push_back(
        {F.ActLoc, "make the database the arbiter: add " + Constraint +
                       " and use the dialect's insert-if-absent form or "
                       "handle the unique violation"});
  }
  addPartlyUnknown(F, W, /*Rewrite=*/true);
  return W;
}

static WordedFinding wordUnhandledUniqueViolation(const flow::Finding &F) {
  WordedFinding W;
  W.Check = project::checkId(F.Check).str();
  W.Loc = F.ActLoc;
  W.Message = "insert into '" + F.Table +
              "' fails with a unique violation when a concurrent client "
              "inserted the same row after the existence check, and nothing "
              "handles that error";
  addInsertPath(F, W);
  std::string Key = (F.KeyIsPrimary ? "PRIMARY KEY (" : "UNIQUE (") +
                    llvm::join(F.KeyParts, ", ") + ")";
  if (!F.KeyName.empty())
    Key = "'" + F.KeyName + "' " + Key;
  std::string KeyNote = Key + " rejects the duplicate";
  if (!F.KeyWhere.empty())
    KeyNote += " (declared at " + F.KeyWhere + ")";
  W.Notes.push_back({F.KeyLoc.isValid() ? F.KeyLoc : F.ActLoc, KeyNote});
  W.Notes.push_back({F.ActLoc, "the error is neither caught nor compared with "
                               "the unique-violation code"});
  if (!F.AtomicSql.empty())
    W.Notes.push_back({F.ActLoc, rewriteLabel(F.Dialect) + ": " +
                                     F.AtomicSql +
                                     ", then tell a new row from an existing "
                                     "one by the affected-row count"});
  else
    W.Notes.push_back({F.ActLoc, "handle the unique violation, or use the "
                                 "dialect's insert-if-absent form"});
  addPartlyUnknown(F, W, /*Rewrite=*/true);
  return W;
}

static std::string keyText(const flow::Finding &F) {
  return "(" + llvm::join(F.KeyColumns, ", ") + ")";
}

static WordedFinding wordReadModifyWrite(const flow::Finding &F) {
  WordedFinding W;
  W.Check = project::checkId(F.Check).str();
  W.Loc = F.ActLoc;
  W.Message = "update of '" + F.Table + "." + F.Column +
              "' writes back a value computed from an earlier read; an "
              "update made by another client in between is lost";
  W.Notes.push_back({F.CheckLoc, "'" + F.Column + "' read from '" + F.Table +
                                     "' here, keyed on " + keyText(F)});
  W.Notes.push_back(
      {F.ActLoc,
       F.GuardUnchecked
           ? "the UPDATE re-checks a condition in its WHERE, but the code "
             "never looks at how many rows it changed"
       // SQLite has no SELECT ... FOR UPDATE: its transactions lock the
       // whole database (checker/sql/proofs/README.md).
       : F.Dialect == sql::Dialect::SQLite
           ? "no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects "
             "the value between the read and the write"
           : std::string("no row lock (") +
                 (F.Dialect == sql::Dialect::SQLServer
                      ? "SELECT ... WITH (UPDLOCK, HOLDLOCK)"
                      : "SELECT ... FOR UPDATE") +
                 " in the same transaction), serializable transaction or "
                 "guarded UPDATE protects the value between the read and "
                 "the write"});
  if (!F.AtomicSql.empty()) {
    std::string Text = rewriteLabel(F.Dialect) + ": " + F.AtomicSql;
    // The program goes on with the value it computed: the rewrite must
    // hand back the value the database computed instead.
    if (F.NewValueUsedAfter) {
      if (F.Dialect == sql::Dialect::PostgreSQL ||
          F.Dialect == sql::Dialect::SQLite)
        Text += " RETURNING " + F.Column;
      Text += ", binding the change instead of the new value";
      if (F.Dialect == sql::Dialect::SQLite)
        Text += " (RETURNING needs SQLite 3.35)";
      if (F.Dialect == sql::Dialect::PostgreSQL ||
          F.Dialect == sql::Dialect::SQLite)
        Text += ", and use the value it returns: the one computed here is "
                "stale when another client changed the row";
      else if (F.Dialect == sql::Dialect::SQLServer)
        Text += "; add OUTPUT inserted." + F.Column +
                " to read back the new value, which the code uses";
      else
        Text += "; the code uses the new value, so read it back in the "
                "same transaction (" +
                std::string(F.Dialect == sql::Dialect::MySQL
                                ? "MySQL/MariaDB have no UPDATE ... RETURNING"
                                : "with RETURNING where the database has it") +
                ")";
    } else {
      Text += ", binding the change instead of the new value";
    }
    W.Notes.push_back({F.ActLoc, Text});
  } else if (F.NumericChange) {
    W.Notes.push_back(
        {F.ActLoc, "compute the new value in the UPDATE itself (SET " +
                       F.Column + " = " + F.Column + " + <change>), or " +
                       lockedRead(F.Dialect)});
  } else {
    // A product, a string or a document: no `col + <change>` to write.
    W.Notes.push_back({F.ActLoc, lockedRead(F.Dialect) +
                                     ", or make the UPDATE conditional on "
                                     "the value read (AND " +
                                     F.Column +
                                     " = <value read> in its WHERE) and "
                                     "check how many rows it changed"});
  }
  addPartlyUnknown(F, W, /*Rewrite=*/false);
  W.Fix = F.Fix;
  if (!F.Fix.empty())
    W.FixMessage = "compute the new '" + F.Column +
                   "' in the UPDATE and bind the change";
  return W;
}

static WordedFinding wordCheckThenUpdate(const flow::Finding &F) {
  WordedFinding W;
  W.Check = project::checkId(F.Check).str();
  W.Loc = F.ActLoc;
  W.Message = "update of '" + F.Table +
              "' depends on a state read earlier that the UPDATE does not "
              "re-check; another client can change the row in between";
  W.Notes.push_back({F.CheckLoc, "'" + F.Table + "' row read here, keyed on " +
                                     keyText(F)});
  if (F.BranchLoc.isValid())
    W.Notes.push_back({F.BranchLoc, "the path is decided here by a value "
                                    "read from that row"});
  W.Notes.push_back(
      {F.ActLoc,
       F.GuardUnchecked
           ? "the UPDATE re-checks a condition in its WHERE, but the code "
             "never looks at how many rows it changed"
           : std::string("restate the condition in the UPDATE's WHERE "
                         "(... AND <column> = <value read>) and check that "
                         "one row changed, or ") +
                 lockedRead(F.Dialect)});
  addPartlyUnknown(F, W, /*Rewrite=*/false);
  return W;
}

WordedFinding wordFinding(const flow::Finding &F) {
  switch (F.Check) {
  case project::CheckKind::ReadModifyWrite:
    return wordReadModifyWrite(F);
  case project::CheckKind::CheckThenUpdate:
    return wordCheckThenUpdate(F);
  case project::CheckKind::UnhandledUniqueViolation:
    return wordUnhandledUniqueViolation(F);
  case project::CheckKind::CheckThenInsert:
    break;
  }
  return wordCheckThenInsert(F);
}

} // namespace sqlrace::report
