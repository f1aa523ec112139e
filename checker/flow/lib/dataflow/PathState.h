//===- PathState.h - sqlrace ----------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The lattice of the flow analysis: the abstract state carried along the
// edges of one function's CFG.
//
// Every component below says whether it is a MUST fact (true on every path
// reaching the point: joined by intersection, a disagreement forgets it) or
// a MAY fact (true on some path: joined by union), and why. Joins are
// commutative, associative and idempotent; every component ranges over a
// finite set fixed by the function's text (its expressions, variables and
// transaction sites), so the lattice has finite height and the solver, which
// only ever joins into a block's entry state (Dataflow.cpp), terminates
// without a widening operator: widen is join.
//
// Where two paths disagree about protection (a transaction, a lock), the
// join keeps the more protected of the two: a missed race costs users less
// than a false alarm. That choice is per component and named there.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_PATHSTATE_H
#define SQLRACE_FLOW_PATHSTATE_H

#include "PersistentMap.h"
#include "sqlrace/sql/Statement.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <map>
#include <set>

namespace sqlrace::flow {

/// A map of the state, copied in O(1) and joined and compared in time
/// proportional to how much two states differ (PersistentMap.h): the states
/// of a function's blocks share everything they have in common, so a
/// function with N database calls costs O(N log N), not O(N^2).
template <class K, class V> class FlowMap {
public:
  const V *lookup(const K &Key) const { return M.lookup(Key); }
  bool count(const K &Key) const { return M.contains(Key); }
  bool empty() const { return M.empty(); }
  size_t size() const { return M.size(); }
  void set(const K &Key, V Value) { M = M.set(Key, std::move(Value)); }
  void erase(const K &Key) { M = M.erase(Key); }
  /// Change(V &) on Key's value (default-constructed when absent).
  template <class F> void modify(const K &Key, F &&Change) {
    M = M.modify(Key, std::forward<F>(Change));
  }
  auto begin() const { return M.begin(); }
  auto end() const { return M.end(); }
  bool operator==(const FlowMap &O) const { return M == O.M; }
  bool operator!=(const FlowMap &O) const { return !(M == O.M); }
  /// MUST join: the entries both maps agree on.
  void intersect(const FlowMap &O) { M = M.intersectWith(O.M); }
  /// MAY join: every key; a key in both gets Both(K, Mine, Theirs), which
  /// must return X for X, X.
  template <class F> void unite(const FlowMap &O, F &&Both) {
    M = M.unionWith(O.M, std::forward<F>(Both));
  }

private:
  PersistentMap<K, V> M;
};

/// Identifies a transaction by the place that began it (the BEGIN call or
/// statement, the constructor of a transaction object), so that the lattice
/// stays finite. Two special values: MergedTxn (paths that began different
/// transactions met; treated as one open transaction, the protected choice)
/// and EndedTxn (a fact recorded in a transaction that has ended since).
using TxnSite = const void *;
extern const TxnSite MergedTxn;
extern const TxnSite EndedTxn;
/// Join of two sites: equal ones stay, a site joined with "none" (null)
/// keeps the site (protected), different sites become MergedTxn.
TxnSite joinSite(TxnSite A, TxnSite B);

/// What the path knows about the outcome of an existence check.
enum class CheckStatus {
  Pending, ///< ran, but the path does not depend on its outcome (yet)
  Absent,  ///< the path is only taken when no row was found
  Present, ///< the path is only taken when a row was found
  /// the path is taken for neither outcome (a switch case or comparison
  /// with a value the check cannot produce): the bottom of this component,
  /// so a join keeps what the other path knows.
  Neither
};

/// One existence check. The map holding it is a MAY fact on its keys (a
/// check that ran on one path keeps what that path knows); the status is a
/// MUST fact (paths that disagree make it Pending again).
struct CheckState {
  CheckStatus Status = CheckStatus::Pending;
  /// The condition that decided the status (the earliest one in the file
  /// when two paths decided it alike at different branches).
  const clang::Expr *Branch = nullptr;
  /// A lock, serializable transaction or similar was in force when the check
  /// ran (joined towards protected), in the transaction Txn.
  bool Protected = false;
  TxnSite Txn = nullptr;
  /// The transaction object the check ran through, if any.
  const clang::ValueDecl *TxnObj = nullptr;
  /// Facts for the "why nothing protects it" note (MAY: any path).
  bool InTxn = false;
  bool LockedOutsideTxn = false;
  sql::Isolation Iso = sql::Isolation::Unspecified;
  bool operator==(const CheckState &O) const {
    return Status == O.Status && Branch == O.Branch &&
           Protected == O.Protected && Txn == O.Txn && TxnObj == O.TxnObj &&
           InTxn == O.InTxn && LockedOutsideTxn == O.LockedOutsideTxn &&
           Iso == O.Iso;
  }
  void join(const CheckState &O);
};

/// What the path knows about a keyed read (a SELECT whose values the
/// program uses). Keys: MAY, as for checks.
struct ReadState {
  /// A branch on every path depends on a value the read returned (MUST).
  bool Decided = false;
  const clang::Expr *Branch = nullptr;
  /// Same meaning as in CheckState; a locking read (FOR UPDATE...) in an
  /// open transaction counts.
  bool Protected = false;
  TxnSite Txn = nullptr;
  const clang::ValueDecl *TxnObj = nullptr;
  bool operator==(const ReadState &O) const {
    return Decided == O.Decided && Branch == O.Branch &&
           Protected == O.Protected && Txn == O.Txn && TxnObj == O.TxnObj;
  }
  void join(const ReadState &O);
};

/// Transaction and lock state of one connection. Every field joins towards
/// protection: "in a transaction" and "holds a lock" are MAY facts, the
/// isolation level and SQLite begin mode take the stronger of the two.
struct TxnState {
  bool InTxn = false;
  /// Where the open transaction began (null: none).
  TxnSite Begin = nullptr;
  sql::Isolation Iso = sql::Isolation::Unspecified;
  sql::Isolation NextIso = sql::Isolation::Unspecified; ///< SET TRANSACTION
  sql::BeginMode Mode = sql::BeginMode::Unspecified;
  bool XactLock = false;   ///< advisory/table lock released at COMMIT
  bool SessionLock = false; ///< advisory lock held until unlocked
  /// A transaction-scoped lock was taken in autocommit: it was released at
  /// once and protects nothing (MAY: only feeds the explanation).
  bool LockedOutsideTxn = false;
  /// Isolation set by SET TRANSACTION inside a transaction object.
  std::map<const clang::ValueDecl *, sql::Isolation> ObjectIso;
  bool operator==(const TxnState &O) const {
    return InTxn == O.InTxn && Begin == O.Begin && Iso == O.Iso &&
           NextIso == O.NextIso && Mode == O.Mode && XactLock == O.XactLock &&
           SessionLock == O.SessionLock &&
           LockedOutsideTxn == O.LockedOutsideTxn && ObjectIso == O.ObjectIso;
  }
  void join(const TxnState &O);
  /// Whether a fact recorded in transaction Site still holds in it now.
  bool stillOpen(TxnSite Site) const {
    return Site == nullptr || (InTxn && Site != EndedTxn && Site == Begin);
  }
};

struct PathState {
  /// Last value assigned to a local variable (MUST: a value known on one
  /// path only is not the variable's value).
  FlowMap<const clang::VarDecl *, const clang::Expr *> Values;
  /// Local variable -> keyed reads its value may have been computed from
  /// (MAY: a lost update on any path is one).
  FlowMap<const clang::VarDecl *, std::set<const clang::Expr *>> Taint;
  /// Statement handle -> the prepare call that filled it (MUST).
  FlowMap<const clang::VarDecl *, const clang::Expr *> Statements;
  /// Statement handle -> the last step call that ran it (MUST).
  FlowMap<const clang::VarDecl *, const clang::Expr *> LastStep;
  /// Existence-check event (the call that ran it) -> what the path knows.
  FlowMap<const clang::Expr *, CheckState> Checks;
  /// Keyed-read event -> what the path knows.
  FlowMap<const clang::Expr *, ReadState> Reads;
  /// Statement handle -> placeholder number -> bound value (MUST).
  FlowMap<const clang::VarDecl *, std::map<unsigned, const clang::Expr *>>
      Bindings;
  /// Connection -> its transaction state (keys: MAY, values joined as
  /// TxnState says).
  std::map<const clang::ValueDecl *, TxnState> Txns;
  /// Connection -> the last event that ran a query on it, and a call that
  /// fetched "the result of the last query" -> that event (MUST).
  std::map<const clang::ValueDecl *, const clang::Expr *> LastEvent;
  FlowMap<const clang::Expr *, const clang::Expr *> ResultOf;
  /// Variable -> the event whose result value it received through into(x)
  /// (MUST).
  FlowMap<const clang::VarDecl *, const clang::Expr *> Into;
  /// The last event on any connection (into() belongs to it; MUST).
  const clang::Expr *LastAnyEvent = nullptr;
  /// In a catch handler: the calls whose exception may have brought the path
  /// here (MAY; set on the exception edges of a try block, Dataflow.cpp).
  std::set<const clang::Expr *> CaughtFrom;

  bool operator==(const PathState &O) const {
    return Values == O.Values && Taint == O.Taint && Statements == O.Statements &&
           LastStep == O.LastStep && Checks == O.Checks && Reads == O.Reads &&
           Bindings == O.Bindings && Txns == O.Txns &&
           LastEvent == O.LastEvent && ResultOf == O.ResultOf &&
           Into == O.Into && LastAnyEvent == O.LastAnyEvent &&
           CaughtFrom == O.CaughtFrom;
  }
  bool operator!=(const PathState &O) const { return !(*this == O); }

  /// The least upper bound of this state and O, stored in this state.
  void join(const PathState &O);
};

} // namespace sqlrace::flow

#endif
