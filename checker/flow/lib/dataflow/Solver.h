//===- Solver.h - sqlrace -------------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The forward dataflow solver every flow analysis of sqlrace uses, over the
// function's CFG (FunctionCfg.h), for any lattice:
//
//   struct Domain {
//     using State = ...;   // copyable; join(const State &); operator==
//     State initial();     // the state at the function's entry
//     // The state leaving block From along its successor edge Index.
//     State edge(const State &Out, const clang::CFGBlock &From, unsigned Index);
//     // The state a call inside a try body throws to the handlers.
//     State thrown(const State &After, const clang::Stmt *Call);
//     void transfer(State &, const clang::CFGElement &);
//   };
//
// Blocks are visited in reverse post-order (Clang's ForwardDataflowWorklist,
// which never holds a block twice). A block's entry state is the join of
// what its incoming edges carry, joined again with its previous entry
// state, so entry states only grow: with a lattice of finite height the
// loop ends, and widening is join. The visit budget is a safety net; when
// it is reached the solver says so (noteLimit) and returns nothing, never
// a partial result.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_SOLVER_H
#define SQLRACE_FLOW_SOLVER_H

#include "FunctionCfg.h"
#include "sqlrace/flow/Isolation.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include <optional>
#include <vector>

namespace sqlrace::flow {

/// Entry states by block ID; a block no path reaches has none.
template <class State> using EntryStates = std::vector<std::optional<State>>;

/// Solves D over G; nullopt when the budget ran out (a limit was noted).
template <class Domain>
std::optional<EntryStates<typename Domain::State>>
solveForward(const clang::CFG &G, const ExceptionEdges &Throws, Domain &D) {
  using State = typename Domain::State;
  unsigned N = G.getNumBlockIDs();
  EntryStates<State> In(N), Out(N), Thrown(N);
  clang::PostOrderCFGView Order(&G);
  clang::ForwardDataflowWorklist Work(G, &Order);

  auto entryState = [&](const clang::CFGBlock &B) {
    std::optional<State> Joined;
    if (&B == &G.getEntry())
      Joined.emplace(D.initial());
    for (auto It = B.pred_begin(); It != B.pred_end(); ++It) {
      const clang::CFGBlock *P = *It;
      if (!P || !Out[P->getBlockID()])
        continue;
      unsigned Index = 0;
      for (auto S = P->succ_begin(); S != P->succ_end(); ++S, ++Index) {
        if (*S != &B)
          continue;
        State Edge = D.edge(*Out[P->getBlockID()], *P, Index);
        if (Joined)
          Joined->join(Edge);
        else
          Joined = std::move(Edge);
      }
    }
    if (const std::optional<State> &T = Thrown[B.getBlockID()]) {
      if (Joined)
        Joined->join(*T);
      else
        Joined = *T;
    }
    return Joined;
  };

  const size_t Budget = 64 * static_cast<size_t>(N) + 4096;
  size_t Visits = 0;
  Work.enqueueBlock(&G.getEntry());
  while (const clang::CFGBlock *B = Work.dequeue()) {
    std::optional<State> Entry = entryState(*B);
    if (!Entry)
      continue;
    unsigned ID = B->getBlockID();
    if (In[ID]) {
      Entry->join(*In[ID]);
      if (*Entry == *In[ID])
        continue;
    }
    if (++Visits > Budget) {
      noteLimit("the dataflow did not converge within its budget; the "
                "function was not analysed");
      return std::nullopt;
    }
    In[ID] = Entry;
    State S = std::move(*Entry);
    for (const clang::CFGElement &E : *B) {
      D.transfer(S, E);
      if (Throws.empty())
        continue;
      auto CS = E.getAs<clang::CFGStmt>();
      const clang::CFGBlock *Dispatch = CS ? Throws.target(CS->getStmt()) : nullptr;
      if (!Dispatch)
        continue;
      State Exc = D.thrown(S, CS->getStmt());
      std::optional<State> &Slot = Thrown[Dispatch->getBlockID()];
      if (!Slot) {
        Slot = std::move(Exc);
      } else {
        State Before = *Slot;
        Slot->join(Exc);
        if (*Slot == Before)
          continue;
      }
      Work.enqueueBlock(Dispatch);
    }
    Out[ID] = std::move(S);
    Work.enqueueSuccessors(B);
  }
  return In;
}

/// After convergence: each reached block once more, in the CFG's order,
/// from its entry state, handing every element to Visit(State &, element)
/// (the diagnosis pass of clang::dataflow's post-visit callbacks).
template <class State, class F>
void replayBlocks(const clang::CFG &G, const EntryStates<State> &In,
                  F &&Visit) {
  for (const clang::CFGBlock *B : G) {
    if (!In[B->getBlockID()])
      continue;
    State S = *In[B->getBlockID()];
    for (const clang::CFGElement &E : *B)
      Visit(S, E);
  }
}

} // namespace sqlrace::flow

#endif
