//===- FunctionCfg.cpp - sqlrace ------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "FunctionCfg.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace sqlrace::flow {

std::unique_ptr<CFG> buildFunctionCfg(const FunctionDecl &F, ASTContext &Ctx) {
  if (!F.getBody())
    return nullptr;
  CFG::BuildOptions Opts;
  Opts.setAllAlwaysAdd();
  Opts.AddImplicitDtors = true;
  Opts.AddTemporaryDtors = true;
  Opts.AddInitializers = true;
  return CFG::buildCFG(&F, F.getBody(), &Ctx, Opts);
}

const FunctionCfgs::Graph &FunctionCfgs::get(const FunctionDecl &F) {
  Slot &S = Slots[&F];
  if (!S.Built) {
    // Built before it is stored: building never re-enters this map, but
    // keep the slot's address out of the way regardless.
    auto Made = std::make_unique<Graph>();
    Made->G = buildFunctionCfg(F, Ctx);
    if (Made->G)
      Made->Throws = std::make_unique<ExceptionEdges>(*Made->G, F.getBody());
    Slots[&F].Built = std::move(Made);
  }
  return *Slots[&F].Built;
}

ExceptionEdges::ExceptionEdges(const CFG &G, const Stmt *Body) {
  for (const CFGBlock *B : G)
    if (const auto *Try = dyn_cast_or_null<CXXTryStmt>(B->getTerminatorStmt()))
      Dispatch[Try] = B;
  if (!Dispatch.empty())
    walk(Body, nullptr, 0);
}

void ExceptionEdges::walk(const Stmt *S, const CFGBlock *To, unsigned Depth) {
  if (!S || Depth > 512)
    return;
  // Lambdas and blocks are analysed as functions of their own.
  if (isa<LambdaExpr>(S) || isa<BlockExpr>(S))
    return;
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    walk(Try->getTryBlock(), Dispatch.lookup(Try), Depth + 1);
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      walk(Try->getHandler(I), To, Depth + 1);
    return;
  }
  if (To && (isa<CallExpr>(S) || isa<CXXConstructExpr>(S)))
    Calls[S] = To;
  for (const Stmt *Child : S->children())
    walk(Child, To, Depth + 1);
}

} // namespace sqlrace::flow
