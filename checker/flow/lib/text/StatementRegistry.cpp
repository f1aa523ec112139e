//===- StatementRegistry.cpp - sqlrace --------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "StatementRegistry.h"
#include "ApiModel.h"
#include "SqlResolver.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace sqlrace::flow {

namespace {
using Entries = llvm::StringMap<std::optional<std::string>>;

void add(Entries &E, const Expr *Key, const Expr *Value, ASTContext &Ctx) {
  if (!Key || !Value)
    return;
  std::string K = resolveSqlText(Key, Ctx), V = resolveSqlText(Value, Ctx);
  if (hasHole(K))
    return;
  auto [It, Inserted] = E.try_emplace(K, V);
  if (!Inserted && It->second != V)
    It->second = std::nullopt;
}

// {"k", "sql"} as an init list, a pair constructor or make_pair.
void addPair(Entries &E, const Expr *Pair, ASTContext &Ctx) {
  Pair = Pair->IgnoreImplicit();
  if (const auto *C = dyn_cast<CXXConstructExpr>(Pair)) {
    if (C->getNumArgs() == 2)
      add(E, C->getArg(0), C->getArg(1), Ctx);
    else if (C->getNumArgs() == 1)
      addPair(E, C->getArg(0), Ctx);
  } else if (const auto *L = dyn_cast<InitListExpr>(Pair)) {
    if (L->getNumInits() == 2)
      add(E, L->getInit(0), L->getInit(1), Ctx);
  } else if (const auto *Call = dyn_cast<CallExpr>(Pair)) {
    if (Call->getNumArgs() == 2)
      add(E, Call->getArg(0), Call->getArg(1), Ctx);
  } else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Pair)) {
    addPair(E, M->getSubExpr(), Ctx);
  }
}

void addInit(Entries &E, const Expr *Init, ASTContext &Ctx) {
  if (!Init)
    return;
  Init = Init->IgnoreImplicit();
  if (const auto *C = dyn_cast<ExprWithCleanups>(Init))
    Init = C->getSubExpr()->IgnoreImplicit();
  // map{ {...}, {...} } arrives as a constructor taking an initializer_list.
  if (const auto *C = dyn_cast<CXXConstructExpr>(Init)) {
    for (const Expr *A : C->arguments())
      addInit(E, A, Ctx);
    return;
  }
  if (const auto *S = dyn_cast<CXXStdInitializerListExpr>(Init)) {
    addInit(E, S->getSubExpr(), Ctx);
    return;
  }
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Init)) {
    addInit(E, M->getSubExpr(), Ctx);
    return;
  }
  if (const auto *L = dyn_cast<InitListExpr>(Init))
    for (const Expr *Item : L->inits())
      addPair(E, Item, Ctx);
}

const VarDecl *mapVar(const Expr *E) {
  E = E ? E->IgnoreImplicit() : nullptr;
  const auto *D = dyn_cast_or_null<DeclRefExpr>(E);
  return D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
}
} // namespace

StatementRegistries::StatementRegistries(ASTContext &Ctx,
                                         const std::vector<std::string> &Declared) {
  if (Declared.empty())
    return;
  struct Collector : RecursiveASTVisitor<Collector> {
    ASTContext &Ctx;
    const std::vector<std::string> &Declared;
    std::map<const VarDecl *, Entries> &Maps;
    Collector(ASTContext &C, const std::vector<std::string> &D,
              std::map<const VarDecl *, Entries> &M)
        : Ctx(C), Declared(D), Maps(M) {}
    Entries *registry(const VarDecl *V) {
      if (!V)
        return nullptr;
      V = V->getCanonicalDecl();
      auto It = Maps.find(V);
      if (It != Maps.end())
        return &It->second;
      if (!llvm::is_contained(Declared, V->getQualifiedNameAsString()))
        return nullptr;
      return &Maps[V];
    }
    bool VisitVarDecl(VarDecl *V) {
      if (Entries *E = registry(V))
        addInit(*E, V->getInit(), Ctx);
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
      // M["k"] = "sql"
      if (Op->getOperator() != OO_Equal || Op->getNumArgs() != 2)
        return true;
      const auto *Sub = dyn_cast<CXXOperatorCallExpr>(Op->getArg(0)->IgnoreImplicit());
      if (Sub && Sub->getOperator() == OO_Subscript && Sub->getNumArgs() == 2)
        if (Entries *E = registry(mapVar(Sub->getArg(0))))
          add(*E, Sub->getArg(1), Op->getArg(1), Ctx);
      return true;
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *M) {
      // M.emplace("k", "sql"), M.try_emplace(...), M.insert({"k", "sql"})
      const CXXMethodDecl *MD = M->getMethodDecl();
      Entries *E = registry(mapVar(M->getImplicitObjectArgument()));
      if (!MD || !E || !MD->getIdentifier())
        return true;
      llvm::StringRef Name = MD->getName();
      if ((Name == "emplace" || Name == "try_emplace") && M->getNumArgs() == 2)
        add(*E, M->getArg(0), M->getArg(1), Ctx);
      else if (Name == "insert" && M->getNumArgs() == 1)
        addPair(*E, M->getArg(0), Ctx);
      return true;
    }
  };
  Collector(Ctx, Declared, Maps).TraverseAST(Ctx);
}

const llvm::StringMap<std::optional<std::string>> *
StatementRegistries::entries(const VarDecl *Map) const {
  auto It = Maps.find(Map ? Map->getCanonicalDecl() : nullptr);
  return It == Maps.end() ? nullptr : &It->second;
}

} // namespace sqlrace::flow
