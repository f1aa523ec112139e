//===- InsertChecks.cpp - sqlrace -------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The verdict on an INSERT: sqlrace-check-then-insert.
//===----------------------------------------------------------------------===//
#include "FunctionAnalysis.h"
#include "SqlResolver.h"

using namespace clang;

namespace sqlrace::flow {

std::string baseColumn(llvm::StringRef Key) { return sql::keyColumn(Key); }

void FunctionAnalysis::judgeInsert(const PathState &S, const Expr *Event,
                                   const Query &Q,
                                   const sql::StatementFacts &Insert,
                                   std::vector<Verdict> &Out) const {
  if (!Q.Conn.Conn || Insert.Table.empty())
    return;
  bool WantRace = enabled(CheckKind::CheckThenInsert);
  bool WantUnhandled = enabled(CheckKind::UnhandledUniqueViolation);
  if (!WantRace && !WantUnhandled)
    return;
  for (const auto &[CheckCall, State] : S.Checks) {
    if (State.Status != CheckStatus::Absent)
      continue;
    const CheckEvent &C = CheckEvents.at(CheckCall);
    const sql::StatementFacts &Select = *C.Select;
    if (C.Q->Conn.Conn != Q.Conn.Conn || Select.Table != Insert.Table ||
        Select.KeyColumns.empty())
      continue;
    // The INSERT must write the key the check looked for.
    if (!Insert.InsertColumns.empty() &&
        !llvm::all_of(Select.KeyColumns, [&](const std::string &K) {
          return llvm::is_contained(Insert.InsertColumns, baseColumn(K));
        }))
      continue;
    // Protection in force at the check, in a transaction still open now.
    auto T = S.Txns.find(Q.Conn.Conn);
    bool SameTxnObject = !State.TxnObj || State.TxnObj == Q.Conn.TxnVar;
    bool StillOpen = T == S.Txns.end() ? State.Txn == nullptr
                                       : T->second.stillOpen(State.Txn);
    if (State.Protected && SameTxnObject && StillOpen)
      continue;
    // A declared key rejects the duplicate: no duplicate row, but an error
    // the code does not handle.
    const DeclaredKey *Key = TU.schema().keyFor(
        Select.Table, Select.KeyColumns,
        llvm::StringRef(C.Q->Text).slice(Select.Begin, Select.End));
    if (Key ? !WantUnhandled : !WantRace)
      continue;
    Finding Fd;
    Fd.Check = Key ? CheckKind::UnhandledUniqueViolation
                   : CheckKind::CheckThenInsert;
    if (State.Protected)
      Fd.Why = SameTxnObject ? Unprotected::TransactionEndedBetween
                             : Unprotected::DifferentTransaction;
    else if (State.LockedOutsideTxn)
      Fd.Why = Unprotected::LockedInAutocommit;
    else if (Select.Lock != sql::LockStrength::None)
      // InnoDB at REPEATABLE READ (its default) takes a gap lock for the
      // missing row: no duplicate, but two such transactions deadlock.
      Fd.Why = Q.Dialect == sql::Dialect::MySQL && State.InTxn &&
                       State.Iso != sql::Isolation::ReadCommitted &&
                       State.Iso != sql::Isolation::ReadUncommitted
                   ? Unprotected::GapLockDeadlock
                   : Unprotected::ForUpdateLocksNoRow;
    else if (State.InTxn)
      Fd.Why = Unprotected::WeakIsolation;
    if (Key) {
      Fd.KeyName = Key->Key.Name;
      Fd.KeyParts = Key->Key.Columns;
      Fd.KeyIsPrimary = Key->Key.PrimaryKey;
      Fd.KeyWhere = Key->Where;
      Fd.KeyLoc = SourceLocation::getFromRawEncoding(Key->RawLoc);
    }
    Fd.ActLoc = Event->getBeginLoc();
    Fd.CheckLoc = CheckCall->getBeginLoc();
    if (Q.Inner && Q.Via) {
      Fd.ActInnerLoc = Q.Inner->getBeginLoc();
      Fd.ActVia = Q.Via->getNameAsString();
    }
    if (C.Q->Inner && C.Q->Via) {
      Fd.CheckInnerLoc = C.Q->Inner->getBeginLoc();
      Fd.CheckVia = C.Q->Via->getNameAsString();
    }
    Fd.BranchLoc = State.Branch ? State.Branch->getBeginLoc() : SourceLocation();
    Fd.Table = Insert.Table;
    for (const std::string &K : Select.KeyColumns)
      Fd.KeyColumns.push_back(baseColumn(K));
    // Name the key in the order the user's INSERT lists its columns.
    auto Rank = [&](const std::string &K) {
      return llvm::find(Insert.InsertColumns, K) - Insert.InsertColumns.begin();
    };
    llvm::stable_sort(Fd.KeyColumns, [&](const std::string &A,
                                         const std::string &B) {
      return Rank(A) < Rank(B);
    });
    Fd.Dialect = Q.Dialect;
    Fd.ActSql = llvm::StringRef(Q.Text)
                    .slice(Insert.Begin, Insert.End)
                    .trim()
                    .rtrim(';')
                    .str();
    // ON CONFLICT must name the declared key exactly (its expressions, and
    // a partial index's predicate), or PostgreSQL cannot infer it.
    sql::AtomicInsertForm Form;
    Form.Key = Key ? Key->Key.Columns : Fd.KeyColumns;
    if (Key)
      Form.KeyPredicate = Key->Key.Predicate;
    Fd.AtomicSql = sql::rewriteAsAtomicInsert(Fd.ActSql, Form, Q.Dialect);
    Fd.ActSqlPartlyUnknown = hasHole(Fd.ActSql);
    Fd.CheckSqlPartlyUnknown = hasHole(
        llvm::StringRef(C.Q->Text).slice(C.Select->Begin, C.Select->End).str());
    Out.push_back({Event, std::move(Fd)});
  }
}

} // namespace sqlrace::flow
