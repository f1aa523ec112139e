//===- Dataflow.cpp - sqlrace -----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The lattice's joins (PathState.h) and the solver: one forward dataflow
// over one clang::CFG per function, in reverse post-order, with the edges
// Clang's CFG leaves out added by hand (a call inside a try block may reach
// the block's handlers). Diagnosis is a separate pass over the converged
// states (Diagnosis.cpp).
//===----------------------------------------------------------------------===//
#include "sqlrace/flow/Isolation.h"
#include "FunctionAnalysis.h"
#include "FunctionCfg.h"
#include "Solver.h"
#include "llvm/ADT/ScopeExit.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;

namespace sqlrace::flow {

//===----------------------------------------------------------------------===//
// Joins
//===----------------------------------------------------------------------===//

static const char MergedTag = 0, EndedTag = 0;
const TxnSite MergedTxn = &MergedTag;
const TxnSite EndedTxn = &EndedTag;

TxnSite joinSite(TxnSite A, TxnSite B) {
  if (A == B || !B)
    return A;
  if (!A)
    return B;
  // An ended transaction joined with an open one: the open one (protected).
  if (A == EndedTxn)
    return B;
  if (B == EndedTxn)
    return A;
  return MergedTxn;
}

// The earlier of two nodes in the file: joins must not depend on which
// path arrives first, nor on addresses.
template <typename Node> static const Node *earlier(const Node *A, const Node *B) {
  if (!A || !B || A == B)
    return A ? A : B;
  return A->getBeginLoc().getRawEncoding() <= B->getBeginLoc().getRawEncoding()
             ? A
             : B;
}

static const clang::ValueDecl *earlierDecl(const clang::ValueDecl *A,
                                           const clang::ValueDecl *B) {
  if (!A || !B || A == B)
    return A ? A : B;
  return A->getLocation().getRawEncoding() <= B->getLocation().getRawEncoding()
             ? A
             : B;
}

// Isolation levels and begin modes ordered by how much they protect.
static sql::Isolation stronger(sql::Isolation A, sql::Isolation B) {
  auto Rank = [](sql::Isolation I) {
    switch (I) {
    case sql::Isolation::Serializable: return 4;
    case sql::Isolation::RepeatableRead: return 3;
    case sql::Isolation::ReadCommitted: return 2;
    case sql::Isolation::ReadUncommitted: return 1;
    default: return 0;
    }
  };
  return Rank(A) >= Rank(B) ? A : B;
}

static sql::BeginMode stronger(sql::BeginMode A, sql::BeginMode B) {
  auto Rank = [](sql::BeginMode M) {
    switch (M) {
    case sql::BeginMode::Exclusive: return 3;
    case sql::BeginMode::Immediate: return 2;
    case sql::BeginMode::Deferred: return 1;
    default: return 0;
    }
  };
  return Rank(A) >= Rank(B) ? A : B;
}

void CheckState::join(const CheckState &O) {
  if (O.Status == CheckStatus::Neither) {
    // Bottom: nothing to add to the status.
  } else if (Status == CheckStatus::Neither) {
    Status = O.Status;
    Branch = O.Branch;
  } else if (Status != O.Status) {
    Status = CheckStatus::Pending;
    Branch = nullptr;
  } else {
    Branch = earlier(Branch, O.Branch);
  }
  Protected |= O.Protected;
  Txn = joinSite(Txn, O.Txn);
  TxnObj = earlierDecl(TxnObj, O.TxnObj);
  InTxn |= O.InTxn;
  LockedOutsideTxn |= O.LockedOutsideTxn;
  Iso = stronger(Iso, O.Iso);
}

void ReadState::join(const ReadState &O) {
  Decided = Decided && O.Decided;
  Branch = Decided ? earlier(Branch, O.Branch) : nullptr;
  Protected |= O.Protected;
  Txn = joinSite(Txn, O.Txn);
  TxnObj = earlierDecl(TxnObj, O.TxnObj);
}

void TxnState::join(const TxnState &O) {
  InTxn |= O.InTxn;
  Begin = joinSite(Begin, O.Begin);
  Iso = stronger(Iso, O.Iso);
  NextIso = stronger(NextIso, O.NextIso);
  Mode = stronger(Mode, O.Mode);
  XactLock |= O.XactLock;
  SessionLock |= O.SessionLock;
  LockedOutsideTxn |= O.LockedOutsideTxn;
  for (const auto &[Obj, I] : O.ObjectIso) {
    auto [It, New] = ObjectIso.try_emplace(Obj, I);
    if (!New)
      It->second = stronger(It->second, I);
  }
}

// Keys as MAY facts, values joined by their own join.
template <typename V> static V joined(const V &A, const V &B) {
  V Out = A;
  if (!(A == B))
    Out.join(B);
  return Out;
}

void PathState::join(const PathState &O) {
  auto JoinValue = [](const auto &, const auto &A, const auto &B) {
    return joined(A, B);
  };
  Values.intersect(O.Values);
  Taint.unite(O.Taint, [](const auto &, const std::set<const Expr *> &A,
                          const std::set<const Expr *> &B) {
    std::set<const Expr *> Out = A;
    Out.insert(B.begin(), B.end());
    return Out;
  });
  Statements.intersect(O.Statements);
  LastStep.intersect(O.LastStep);
  Checks.unite(O.Checks, JoinValue);
  Reads.unite(O.Reads, JoinValue);
  Bindings.intersect(O.Bindings);
  for (const auto &[Conn, Theirs] : O.Txns) {
    auto [It, New] = Txns.try_emplace(Conn, Theirs);
    if (!New && !(It->second == Theirs))
      It->second.join(Theirs);
  }
  // Connections are few: plain maps.
  for (auto It = LastEvent.begin(); It != LastEvent.end();) {
    auto Other = O.LastEvent.find(It->first);
    if (Other == O.LastEvent.end() || Other->second != It->second)
      It = LastEvent.erase(It);
    else
      ++It;
  }
  Into.intersect(O.Into);
  if (LastAnyEvent != O.LastAnyEvent)
    LastAnyEvent = nullptr;
  ResultOf.intersect(O.ResultOf);
  CaughtFrom.insert(O.CaughtFrom.begin(), O.CaughtFrom.end());
}

//===----------------------------------------------------------------------===//
// Edges
//===----------------------------------------------------------------------===//

void FunctionAnalysis::eventsIn(const Expr *E, const PathState &S,
                                llvm::SmallPtrSetImpl<const Expr *> &Found,
                                unsigned Depth) const {
  // Follows the same roads as ConditionEvaluator: variables' values and
  // into() targets, results and the events behind them, every operand.
  if (!E || Depth > 24)
    return;
  E = stripWrappers(E);
  Found.insert(E);
  if (const Expr *Source = Evaluator.resultSource(E, S))
    Found.insert(Source);
  if (const catalogue::FunctionRule *Rule = Model.ruleOf(E))
    if (Rule->ResultArg != catalogue::NoArg)
      if (const Expr *Source =
              Evaluator.resultSource(Model.arg(E, Rule->ResultArg), S))
        Found.insert(Source);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return;
    if (const Expr *const *In = S.Into.lookup(VD))
      Found.insert(*In);
    if (const auto *Reads = S.Taint.lookup(VD))
      Found.insert(Reads->begin(), Reads->end());
    if (const Expr *const *Value = S.Values.lookup(VD))
      eventsIn(*Value, S, Found, Depth + 1);
    return;
  }
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      eventsIn(CE, S, Found, Depth + 1);
}

// Whether the edge to successor SuccIndex of a switch's block is taken when
// the condition has value V: a case edge when V is its value, the default
// edge when V is no case's value. Unknown for case ranges and values that
// cannot be evaluated.
static std::optional<bool> switchTakes(const ASTContext &Ctx,
                                       const SwitchStmt &Switch,
                                       const CFGBlock &From, unsigned SuccIndex,
                                       int64_t V) {
  const CFGBlock *To = From.succ_begin()[SuccIndex].getReachableBlock();
  if (!To)
    return std::nullopt;
  auto CaseValue = [&](const CaseStmt *Case) -> std::optional<int64_t> {
    Expr::EvalResult R;
    if (Case->caseStmtIsGNURange() || Case->getLHS()->isValueDependent() ||
        !Case->getLHS()->EvaluateAsInt(R, Ctx))
      return std::nullopt;
    return R.Val.getInt().tryExtValue();
  };
  if (const auto *Case = dyn_cast_or_null<CaseStmt>(To->getLabel())) {
    std::optional<int64_t> C = CaseValue(Case);
    if (!C)
      return std::nullopt;
    return *C == V;
  }
  if (!isa_and_nonnull<DefaultStmt>(To->getLabel()) &&
      SuccIndex + 1 != From.succ_size())
    return std::nullopt;
  // The default edge (or, with no default label, the edge past the switch).
  for (const SwitchCase *SC = Switch.getSwitchCaseList(); SC;
       SC = SC->getNextSwitchCase())
    if (const auto *Case = dyn_cast<CaseStmt>(SC)) {
      std::optional<int64_t> C = CaseValue(Case);
      if (!C)
        return std::nullopt;
      if (*C == V)
        return false;
    }
  return true;
}

PathState FunctionAnalysis::refine(const PathState &S, const CFGBlock &From,
                                   unsigned SuccIndex) const {
  if (S.Checks.empty() && S.Reads.empty())
    return S;
  const Expr *Cond = nullptr;
  const auto *Switch = dyn_cast_or_null<SwitchStmt>(From.getTerminatorStmt());
  if (Switch) {
    Cond = Switch->getCond();
  } else {
    if (From.succ_size() != 2)
      return S;
    Cond = From.getLastCondition();
    if (!Cond)
      Cond = dyn_cast_or_null<Expr>(From.getTerminatorCondition());
  }
  if (!Cond)
    return S;
  // Only the events the condition can refer to are evaluated: the cost of a
  // branch does not grow with the number of checks that ran before it.
  llvm::SmallPtrSet<const Expr *, 16> Mentioned;
  eventsIn(Cond, S, Mentioned);
  PathState Out = S;
  // A branch (or a switch) on a value a keyed read returned decides the path
  // from here.
  for (const Expr *Event : Mentioned) {
    const ReadState *R = Out.Reads.lookup(Event);
    if (R && !R->Decided && Evaluator.dependsOnRead(Cond, S, Event))
      Out.Reads.modify(Event, [&](ReadState &State) {
        State.Decided = true;
        State.Branch = Cond;
      });
  }
  for (const Expr *Event : Mentioned) {
    if (!Out.Checks.count(Event))
      continue;
    auto IfAbsent = Evaluator.eval(Cond, S, Event, Outcome::Absent);
    auto IfPresent = Evaluator.eval(Cond, S, Event, Outcome::Present);
    if (!IfAbsent || !IfPresent)
      continue;
    std::optional<bool> TakenIfAbsent, TakenIfPresent;
    if (Switch) {
      TakenIfAbsent = switchTakes(Model.context(), *Switch, From, SuccIndex, *IfAbsent);
      TakenIfPresent = switchTakes(Model.context(), *Switch, From, SuccIndex, *IfPresent);
    } else {
      // Successor 0 is taken when the condition holds.
      TakenIfAbsent = (*IfAbsent != 0) == (SuccIndex == 0);
      TakenIfPresent = (*IfPresent != 0) == (SuccIndex == 0);
    }
    if (!TakenIfAbsent || !TakenIfPresent || (*TakenIfAbsent && *TakenIfPresent))
      continue;
    Out.Checks.modify(Event, [&](CheckState &State) {
      State.Status = *TakenIfAbsent    ? CheckStatus::Absent
                     : *TakenIfPresent ? CheckStatus::Present
                                       : CheckStatus::Neither;
      State.Branch = Cond;
    });
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// The solver
//===----------------------------------------------------------------------===//


/// The database events as a domain of the solver (Solver.h): edges are
/// refined by the branch they leave, elements go through the transfer
/// functions with the visitor To.
struct FunctionAnalysis::EventDomain {
  using State = PathState;
  FunctionAnalysis &A;
  ActVisitor &To;
  State initial() { return State(); }
  State edge(const State &Out, const CFGBlock &From, unsigned Index) {
    return A.refine(Out, From, Index);
  }
  /// A call in a try body throws to its handlers with the state after it.
  State thrown(const State &After, const Stmt *Call) {
    State Exc = After;
    Exc.CaughtFrom = {cast<Expr>(Call)};
    return Exc;
  }
  void transfer(State &S, const CFGElement &E) { A.transfer(S, E, To); }
};

bool FunctionAnalysis::solve(ActVisitor &V) {
  // Implicit and temporary destructors make the end of an RAII object's
  // scope an element of the CFG (a transaction object rolling back).
  FunctionCfgs &Cfgs = TU.cfgs();
  Cfgs.hold(F);
  auto Release = llvm::make_scope_exit([&] { Cfgs.release(F); });
  const FunctionCfgs::Graph &Graph = Cfgs.get(F);
  if (!Graph.G) {
    noteLimit("Clang could not build the control-flow graph");
    return false;
  }
  const CFG *G = Graph.G.get();
  const ExceptionEdges &Throws = *Graph.Throws;
  // While solving, the transfer functions hand their acts to a visitor
  // that ignores them.
  ActVisitor Silent;
  EventDomain D{*this, Silent};
  std::optional<EntryStates<PathState>> In = solveForward(*G, Throws, D);
  if (!In)
    return false;
  // The diagnosis pass: the converged states, with the real visitor.
  replayBlocks(*G, *In, [&](PathState &S, const CFGElement &E) {
    transfer(S, E, V);
  });
  return true;
}

} // namespace sqlrace::flow
