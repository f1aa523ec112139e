//===- InsertChecks.cpp - sqlrace -------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The verdict on an INSERT: sqlrace-check-then-insert.
//===----------------------------------------------------------------------===//
#include "FunctionAnalysis.h"
#include "SqlResolver.h"

using namespace clang;

namespace sqlrace::flow {

std::string baseColumn(llvm::StringRef Key) {
  // lower(email) keys the column email.
  size_t Open = Key.find('('), Close = Key.rfind(')');
  if (Open != llvm::StringRef::npos && Close != llvm::StringRef::npos &&
      Close > Open)
    Key = Key.slice(Open + 1, Close).trim();
  size_t Dot = Key.rfind('.');
  if (Dot != llvm::StringRef::npos)
    Key = Key.substr(Dot + 1);
  return Key.str();
}

void FunctionAnalysis::onInsert(PathState &S, const Expr *Event,
                                const Query &Q,
                                const sql::StatementFacts &Insert) {
  if (!Findings || !enabled(CheckKind::CheckThenInsert) || !Q.Conn.Conn ||
      Insert.Table.empty())
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
    const TxnState &T = S.Txns[Q.Conn.Conn];
    if (State.Protected &&
        (State.TxnEpoch == 0 || (T.InTxn && T.Epoch == State.TxnEpoch)))
      continue;
    if (Unique.handles(Event))
      continue;
    if (!Reported.insert({Event, CheckCall}).second)
      continue;
    Finding Fd;
    Fd.Check = CheckKind::CheckThenInsert;
    Fd.ActLoc = Event->getBeginLoc();
    Fd.CheckLoc = CheckCall->getBeginLoc();
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
    Fd.AtomicSql = sql::rewriteAsAtomicInsert(Fd.ActSql, Fd.KeyColumns, Q.Dialect);
    Fd.SqlPartlyUnknown = hasHole(Q.Text) || hasHole(C.Q->Text);
    Findings->push_back(std::move(Fd));
  }
}

} // namespace sqlrace::flow
