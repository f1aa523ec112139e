//===- PathState.h - sqlrace ----------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The abstract state carried along CFG paths: what local variables last held,
// which prepared statement a handle holds, which existence checks ran and
// what the path has learnt about their outcome, and the transaction and lock
// state of each connection.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_PATHSTATE_H
#define SQLRACE_FLOW_PATHSTATE_H

#include "sqlrace/sql/Statement.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <map>
#include <set>

namespace sqlrace::flow {

/// What the path knows about the outcome of an existence check.
enum class CheckStatus {
  Pending, ///< ran, but the path does not depend on its outcome (yet)
  Absent,  ///< the path is only taken when no row was found
  Present  ///< the path is only taken when a row was found
};

struct CheckState {
  CheckStatus Status = CheckStatus::Pending;
  /// The condition that decided the status.
  const clang::Expr *Branch = nullptr;
  /// A lock, serializable transaction or similar was in force when the check
  /// ran, in a transaction that is still open (see TxnState::Epoch).
  bool Protected = false;
  unsigned TxnEpoch = 0;
  /// The transaction object the check ran through, if any.
  const clang::ValueDecl *TxnObj = nullptr;
  /// Facts for the "why nothing protects it" note.
  bool InTxn = false;
  bool LockedOutsideTxn = false;
  sql::Isolation Iso = sql::Isolation::Unspecified;
  bool operator==(const CheckState &O) const {
    return Status == O.Status && Branch == O.Branch &&
           Protected == O.Protected && TxnEpoch == O.TxnEpoch &&
           TxnObj == O.TxnObj && InTxn == O.InTxn &&
           LockedOutsideTxn == O.LockedOutsideTxn && Iso == O.Iso;
  }
};

/// What the path knows about a keyed read (a SELECT whose values the
/// program uses).
struct ReadState {
  /// A branch on this path depends on a value the read returned.
  bool Decided = false;
  const clang::Expr *Branch = nullptr;
  /// Same meaning as in CheckState; a locking read (FOR UPDATE...) in an
  /// open transaction counts.
  bool Protected = false;
  unsigned TxnEpoch = 0;
  const clang::ValueDecl *TxnObj = nullptr;
  bool operator==(const ReadState &O) const {
    return Decided == O.Decided && Branch == O.Branch &&
           Protected == O.Protected && TxnEpoch == O.TxnEpoch &&
           TxnObj == O.TxnObj;
  }
};

/// Transaction and lock state of one connection.
struct TxnState {
  bool InTxn = false;
  unsigned Epoch = 0; ///< bumped at every BEGIN: tells transactions apart
  sql::Isolation Iso = sql::Isolation::Unspecified;
  sql::Isolation NextIso = sql::Isolation::Unspecified; ///< SET TRANSACTION
  sql::BeginMode Mode = sql::BeginMode::Unspecified;
  bool XactLock = false;   ///< advisory/table lock released at COMMIT
  bool SessionLock = false; ///< advisory lock held until unlocked
  /// A transaction-scoped lock was taken in autocommit: it was released at
  /// once and protects nothing.
  bool LockedOutsideTxn = false;
  /// Isolation set by SET TRANSACTION inside a transaction object.
  std::map<const clang::ValueDecl *, sql::Isolation> ObjectIso;
  bool operator==(const TxnState &O) const {
    return InTxn == O.InTxn && Epoch == O.Epoch && Iso == O.Iso &&
           NextIso == O.NextIso && Mode == O.Mode && XactLock == O.XactLock &&
           SessionLock == O.SessionLock &&
           LockedOutsideTxn == O.LockedOutsideTxn && ObjectIso == O.ObjectIso;
  }
};

struct PathState {
  /// Last value assigned to a local variable on this path.
  std::map<const clang::VarDecl *, const clang::Expr *> Values;
  /// Local variable -> keyed reads its value may have been computed from
  /// (on any path: a may-fact, unlike Values).
  std::map<const clang::VarDecl *, std::set<const clang::Expr *>> Taint;
  /// Statement handle -> the prepare call that filled it.
  std::map<const clang::VarDecl *, const clang::Expr *> Statements;
  /// Statement handle -> the last step call that ran it.
  std::map<const clang::VarDecl *, const clang::Expr *> LastStep;
  /// Existence-check event (the call that ran it) -> what the path knows.
  std::map<const clang::Expr *, CheckState> Checks;
  /// Keyed-read event -> what the path knows.
  std::map<const clang::Expr *, ReadState> Reads;
  /// Statement handle -> placeholder number -> bound value.
  std::map<const clang::VarDecl *, std::map<unsigned, const clang::Expr *>>
      Bindings;
  std::map<const clang::ValueDecl *, TxnState> Txns;
  /// Connection -> the last event that ran a query on it, and a call that
  /// fetched "the result of the last query" -> that event.
  std::map<const clang::ValueDecl *, const clang::Expr *> LastEvent;
  std::map<const clang::Expr *, const clang::Expr *> ResultOf;
  /// Variable -> the event whose result value it received through into(x).
  std::map<const clang::VarDecl *, const clang::Expr *> Into;
  /// The last event on any connection (into() belongs to it).
  const clang::Expr *LastAnyEvent = nullptr;

  bool operator==(const PathState &O) const {
    return Values == O.Values && Taint == O.Taint && Statements == O.Statements &&
           LastStep == O.LastStep && Checks == O.Checks && Reads == O.Reads &&
           Bindings == O.Bindings && Txns == O.Txns &&
           LastEvent == O.LastEvent && ResultOf == O.ResultOf &&
           Into == O.Into && LastAnyEvent == O.LastAnyEvent;
  }
  bool operator!=(const PathState &O) const { return !(*this == O); }

  /// Merges the state of another path reaching the same point.
  void join(const PathState &O);
};

} // namespace sqlrace::flow

#endif
