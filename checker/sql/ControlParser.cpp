//===- ControlParser.cpp - sqlrace ----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Transaction control (BEGIN, COMMIT, SET TRANSACTION, autocommit), table
// locks and advisory/application lock calls. DDL is in DdlParser.cpp.
//===----------------------------------------------------------------------===//

#include "ParserImpl.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <iterator>

using llvm::StringRef;

namespace sqlrace::sql::detail {

Isolation parseIsolationText(StringRef Text) {
  std::string Words;
  for (char C : Text) {
    if (C == '\'' || C == '"' || C == '`')
      continue;
    char U = llvm::toUpper(C);
    bool Sep = U == '-' || U == '_' || U == ' ' || U == '\t' || U == '\n';
    if (Sep) {
      if (!Words.empty() && Words.back() != ' ')
        Words += ' ';
    } else {
      Words += U;
    }
  }
  StringRef W = StringRef(Words).trim();
  if (W == "READ UNCOMMITTED")
    return Isolation::ReadUncommitted;
  if (W == "READ COMMITTED")
    return Isolation::ReadCommitted;
  if (W == "REPEATABLE READ")
    return Isolation::RepeatableRead;
  if (W == "SERIALIZABLE")
    return Isolation::Serializable;
  if (W == "SNAPSHOT")
    return Isolation::Snapshot;
  return Isolation::Unspecified;
}

void StatementParser::parseIsolation(size_t I, size_t E) {
  size_t L = findKw(I, E, {"isolation"});
  if (L == NoPos || !kw(L + 1, "LEVEL"))
    return;
  size_t V = L + 2;
  size_t Words = 1;
  if (kwIn(V, {"read", "repeatable"}))
    Words = 2;
  F.Iso = parseIsolationText(text(V, std::min(V + Words, E)));
}

//===-- Transactions
//-------------------------------------------------------===//

void StatementParser::parseBegin(size_t I) {
  if (kw(I, "START")) {
    if (!kw(I + 1, "TRANSACTION")) {
      F.Kind = StatementKind::Other; // START SLAVE, START REPLICA...
      return;
    }
  } else if (I + 1 < N &&
             !kwIn(I + 1, {"work", "transaction", "tran", "isolation", "read",
                           "not", "deferrable", "deferred", "immediate",
                           "exclusive", "distributed"})) {
    // A T-SQL "BEGIN ... END" block: what is known is its first statement.
    if (kwIn(I + 1, {"select", "insert", "update", "delete", "merge", "with",
                     "set", "exec", "execute"}))
      return dispatch(I + 1);
    F.Kind = StatementKind::Other; // BEGIN TRY, a routine's BEGIN...
    return;
  }
  F.Kind = StatementKind::Transaction;
  F.Txn = TxnAction::Begin;
  for (size_t K = I + 1; K < N; ++K) {
    if (kw(K, "DEFERRED"))
      F.Mode = BeginMode::Deferred;
    else if (kw(K, "IMMEDIATE"))
      F.Mode = BeginMode::Immediate;
    else if (kw(K, "EXCLUSIVE"))
      F.Mode = BeginMode::Exclusive;
  }
  parseIsolation(I + 1, N);
}

void StatementParser::parseEndOfTransaction(size_t I) {
  F.Kind = StatementKind::Transaction;
  const Token &T = tok(I);
  if (T.isWord("COMMIT")) {
    F.Txn = TxnAction::Commit;
  } else if (T.isWord("END")) {
    // In T-SQL a lone END closes a block; END TRANSACTION is not T-SQL.
    bool Block = D == Dialect::SQLServer && I + 1 == N;
    if (Block || (I + 1 < N && !kwIn(I + 1, {"work", "transaction", "tran"}))) {
      F.Kind = StatementKind::Other; // END IF, END LOOP, a block's END
      return;
    }
    F.Txn = TxnAction::Commit;
  } else if (T.isWord("ROLLBACK") || T.isWord("ABORT")) {
    F.Txn = findKw(I + 1, N, {"to"}) != NoPos ? TxnAction::RollbackToSavepoint
                                              : TxnAction::Rollback;
  } else if (T.isWord("SAVEPOINT")) {
    F.Txn = TxnAction::Savepoint;
  } else if (T.isWord("SAVE") && kwIn(I + 1, {"tran", "transaction"})) {
    F.Txn = TxnAction::Savepoint;
  } else if (T.isWord("RELEASE") &&
             (kw(I + 1, "SAVEPOINT") || tok(I + 1).isIdentifier())) {
    F.Txn = TxnAction::ReleaseSavepoint;
  } else {
    F.Kind = StatementKind::Other;
  }
}

void StatementParser::parseSet(size_t I) {
  size_t J = I + 1;
  bool Session = false, Global = false, SysVar = false;
  for (;;) {
    if (kw(J, "SESSION") && !kw(J + 1, "CHARACTERISTICS") &&
        !punct(J + 1, ".")) {
      Session = true;
      ++J;
    } else if (kwIn(J, {"global", "persist", "persist_only"})) {
      Global = true;
      ++J;
    } else if (kw(J, "LOCAL")) {
      ++J;
    } else if (tok(J).Kind == TokenKind::Word &&
               tok(J).Text.starts_with("@@") &&
               punct(J + 1, ".")) { // @@SESSION.x, @@GLOBAL.x
      StringRef Scope = tok(J).Text.drop_front(2);
      Session |= Scope.equals_insensitive("session");
      Global |= Scope.equals_insensitive("global");
      SysVar = true;
      J += 2;
    } else {
      break;
    }
  }
  if (kw(J, "TRANSACTION") ||
      (kw(J, "SESSION") && kw(J + 1, "CHARACTERISTICS"))) {
    F.Kind = StatementKind::Transaction;
    F.Txn = TxnAction::SetTransaction;
    // SQL Server's SET TRANSACTION ISOLATION LEVEL lasts for the session;
    // MySQL's without a scope word only for the next transaction.
    F.SessionScope = Session || kw(J, "SESSION") || D == Dialect::SQLServer;
    parseIsolation(J, N);
    return;
  }
  const Token &Var = tok(J);
  if (Var.Kind != TokenKind::Word) {
    F.Kind = StatementKind::Other;
    return;
  }
  StringRef Name = Var.Text;
  if (Name.starts_with("@@")) {
    Name = Name.drop_front(2);
    SysVar = true;
  }
  size_t V = J + 1;
  if (punct(V, "=") || punct(V, ":=") || kw(V, "TO"))
    ++V;
  std::string Value = text(V, N);
  StringRef Val = StringRef(Value).trim().trim("'\"");
  if (Name.equals_insensitive("autocommit")) {
    F.Kind = StatementKind::Transaction;
    F.Txn = TxnAction::SetAutocommit;
    F.AutocommitOn = Val == "1" || Val.equals_insensitive("on") ||
                     Val.equals_insensitive("true");
    return;
  }
  if (Name.equals_insensitive("implicit_transactions")) {
    F.Kind = StatementKind::Transaction;
    F.Txn = TxnAction::SetAutocommit;
    F.AutocommitOn = Val.equals_insensitive("off");
    return;
  }
  if (Name.equals_insensitive("transaction_isolation") ||
      Name.equals_insensitive("tx_isolation") ||
      Name.equals_insensitive("default_transaction_isolation")) {
    F.Kind = StatementKind::Transaction;
    F.Txn = TxnAction::SetTransaction;
    F.Iso = parseIsolationText(Val);
    // SET @@transaction_isolation (no scope) is for the next transaction.
    F.SessionScope = !Global && (Session || !SysVar);
    return;
  }
  F.Kind = StatementKind::Other;
}

//===-- Table locks
//--------------------------------------------------------===//

void StatementParser::parseLockTables(size_t I) {
  F.Kind = StatementKind::Lock;
  if (kw(I, "UNLOCK")) {
    F.Locking = LockKind::UnlockTables;
    return;
  }
  size_t J = I + 1;
  if (kwIn(J, {"table", "tables"}))
    ++J;
  else if (kwIn(J, {"instance", "binlog"})) {
    F.Kind = StatementKind::Other;
    return;
  }
  F.Locking = LockKind::TableLock;
  bool Any = false;
  for (TokRange R : split(J, N, ",")) {
    size_t B = R.first;
    if (kw(B, "ONLY"))
      ++B;
    NameRef Name;
    if (parseName(B, R.second, Name) == B)
      continue;
    Any = true;
    if (F.Table.empty())
      F.Table = Name.Name;
    bool ReadOnly = findKw(B, R.second, {"read"}) != NoPos &&
                    findKw(B, R.second, {"write"}) == NoPos;
    if (ReadOnly)
      addRead(Name.Name);
    else
      addWritten(Name.Name);
    if (findKw(B, R.second, {"nowait"}) != NoPos)
      F.LockNoWait = true;
  }
  if (!Any)
    problem("missing table name");
}

//===-- Advisory and application locks ------------------------------------===//

void StatementParser::scanLockCalls() {
  for (size_t I = 0; I < N && F.Locking == LockKind::None; ++I) {
    const Token &T = tok(I);
    if (T.Kind != TokenKind::Word)
      continue;
    if (T.isWord("sp_getapplock") || T.isWord("sp_releaseapplock")) {
      parseAppLock(I, T.isWord("sp_getapplock"));
      return;
    }
    if (!punct(I + 1, "("))
      continue;
    std::string Name = T.Text.lower();
    bool Try = false;
    if (StringRef(Name).starts_with("pg_try_")) {
      Try = true;
      Name = "pg_" + Name.substr(7);
    }
    if (Name == "pg_advisory_xact_lock" ||
        Name == "pg_advisory_xact_lock_shared")
      F.Locking = LockKind::AdvisoryXact;
    else if (Name == "pg_advisory_lock" || Name == "pg_advisory_lock_shared")
      F.Locking = LockKind::AdvisorySession;
    else if (Name == "pg_advisory_unlock" ||
             Name == "pg_advisory_unlock_shared" ||
             Name == "pg_advisory_unlock_all")
      F.Locking = LockKind::AdvisoryUnlock;
    else if (Name == "get_lock") {
      F.Locking = LockKind::GetLock;
      std::vector<TokRange> Args = split(I + 2, closeOf(I + 1), ",");
      if (Args.size() >= 2 && Args[1].second == Args[1].first + 1) {
        const Token &Timeout = tok(Args[1].first);
        double Seconds = 1;
        if (Timeout.Kind == TokenKind::Number &&
            !Timeout.Text.getAsDouble(Seconds) && Seconds == 0)
          F.TryLock = true;
      }
    } else if (Name == "release_lock" || Name == "release_all_locks")
      F.Locking = LockKind::ReleaseLock;
    if (F.Locking != LockKind::None && Try)
      F.TryLock = true;
  }
}

void StatementParser::parseAppLock(size_t I, bool Acquire) {
  F.Locking = Acquire ? LockKind::AppLock : LockKind::AppUnlock;
  if (!Acquire)
    return;
  static const char *const Positional[] = {
      "@resource", "@lockmode", "@lockowner", "@locktimeout", "@dbprincipal"};
  size_t J = I + 1;
  if (punct(J, "("))
    ++J; // tolerate a call-like spelling
  for (size_t Pos = 0; J < N; ++Pos) {
    std::string Param;
    if (tok(J).Kind == TokenKind::Placeholder && punct(J + 1, "=")) {
      Param = tok(J).Text.lower();
      J += 2;
    } else if (Pos < std::size(Positional)) {
      Param = Positional[Pos];
    }
    size_t V = J;
    if (punct(V, "-"))
      ++V;
    const Token &Val = tok(V);
    if (Val.Kind != TokenKind::String && Val.Kind != TokenKind::Number &&
        Val.Kind != TokenKind::Placeholder && Val.Kind != TokenKind::Hole)
      break;
    StringRef Body = Val.Text;
    if (Val.Kind == TokenKind::String) {
      size_t Q = Body.find('\'');
      Body = Q == StringRef::npos ? Body : Body.substr(Q + 1);
      Body.consume_back("'");
    }
    if (Param == "@lockowner" && Body.equals_insensitive("session"))
      F.AppLockOwnerSession = true;
    if (Param == "@locktimeout" && V == J && Val.Kind == TokenKind::Number &&
        Body == "0")
      F.TryLock = true;
    J = V + 1;
    if (!punct(J, ","))
      break;
    ++J;
  }
}

} // namespace sqlrace::sql::detail
