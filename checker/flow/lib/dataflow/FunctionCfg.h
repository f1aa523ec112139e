//===- FunctionCfg.h - sqlrace --------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The one control-flow graph every flow analysis of a function runs on: the
// text of local strings (LocalTexts.cpp) and the database events
// (Dataflow.cpp) are solved over graphs built the same way, with the same
// exception edges.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_FUNCTIONCFG_H
#define SQLRACE_FLOW_FUNCTIONCFG_H

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace clang {
class CXXTryStmt;
class FunctionDecl;
} // namespace clang

namespace sqlrace::flow {

/// The CFG of F's body: every expression is an element (in evaluation
/// order), implicit and temporary destructors are elements (the end of an
/// RAII object's scope), member initializers of constructors are elements.
/// Null when Clang cannot build it (or F has no body).
std::unique_ptr<clang::CFG> buildFunctionCfg(const clang::FunctionDecl &F,
                                             clang::ASTContext &Ctx);

/// The exception edges Clang's CFG does not draw: every call inside the
/// body of a try statement may leave it for the statement's handlers (the
/// "try dispatch" block, whose successors are the handlers). The innermost
/// try statement wins; calls in a handler belong to the enclosing one.
/// (Clang's own AddEHEdges option would split every block at every call.)
class ExceptionEdges {
public:
  ExceptionEdges(const clang::CFG &G, const clang::Stmt *Body);
  /// The dispatch block a call inside a try body may throw to, or null.
  const clang::CFGBlock *target(const clang::Stmt *Call) const {
    return Calls.lookup(Call);
  }
  bool empty() const { return Calls.empty(); }

private:
  llvm::DenseMap<const clang::CXXTryStmt *, const clang::CFGBlock *> Dispatch;
  llvm::DenseMap<const clang::Stmt *, const clang::CFGBlock *> Calls;

  void walk(const clang::Stmt *S, const clang::CFGBlock *To, unsigned Depth);
};

/// The graphs of one translation unit's functions, each built once and
/// shared by the analyses that need it: the text of a function's locals is
/// solved on the same graph as its events when both are needed at once. A
/// graph is kept while some analysis holds it, and dropped afterwards.
class FunctionCfgs {
public:
  explicit FunctionCfgs(clang::ASTContext &Ctx) : Ctx(Ctx) {}
  struct Graph {
    std::unique_ptr<clang::CFG> G; ///< null: Clang could not build it
    std::unique_ptr<ExceptionEdges> Throws;
  };
  /// F's graph, built on first use.
  const Graph &get(const clang::FunctionDecl &F);
  /// Keeps F's graph until the matching release().
  void hold(const clang::FunctionDecl &F) { ++Slots[&F].Holds; }
  void release(const clang::FunctionDecl &F) {
    auto It = Slots.find(&F);
    if (It != Slots.end() && It->second.Holds && --It->second.Holds == 0)
      Slots.erase(It);
  }
  /// After a failure half-way (Isolation.h): nothing is held any more.
  void clear() { Slots.clear(); }
  /// Drops F's graph unless it is held.
  void done(const clang::FunctionDecl &F) {
    auto It = Slots.find(&F);
    if (It != Slots.end() && !It->second.Holds)
      Slots.erase(It);
  }

private:
  struct Slot {
    std::unique_ptr<Graph> Built;
    unsigned Holds = 0;
  };
  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::FunctionDecl *, Slot> Slots;
};

} // namespace sqlrace::flow

#endif
