//===- SqlResolver.cpp - sqlrace --------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "SqlResolver.h"
#include "ApiModel.h"
#include "sqlrace/sql/Statement.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace sqlrace::flow {

namespace {
constexpr unsigned MaxDepth = 12;

class Resolver {
public:
  explicit Resolver(ASTContext &Ctx) : Ctx(Ctx) {}
  std::string text(const Expr *E, unsigned Depth);

private:
  ASTContext &Ctx;
  std::string hole() { return std::string(1, sql::HoleChar); }
  bool isModifiedAfterInit(const VarDecl *VD);
  std::string variable(const VarDecl *VD, unsigned Depth);
};
} // namespace

// Any write to the variable other than its initializer makes its value
// path-dependent; such variables are holes until the SQL layer tracks them.
bool Resolver::isModifiedAfterInit(const VarDecl *VD) {
  const DeclContext *DC = VD->getParentFunctionOrMethod();
  const auto *FD = dyn_cast_or_null<FunctionDecl>(DC);
  if (!FD || !FD->hasBody())
    return true;
  bool Modified = false;
  llvm::SmallVector<const Stmt *, 64> Work{FD->getBody()};
  auto RefersTo = [&](const Expr *E) {
    E = E ? E->IgnoreParenImpCasts() : nullptr;
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
    return DRE && DRE->getDecl() == VD;
  };
  while (!Work.empty() && !Modified) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      if (B->isAssignmentOp() && RefersTo(B->getLHS()))
        Modified = true;
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
      if (Op->isAssignmentOp() && Op->getNumArgs() > 0 &&
          RefersTo(Op->getArg(0)))
        Modified = true;
    } else if (const auto *M = dyn_cast<CXXMemberCallExpr>(S)) {
      const auto *MD = M->getMethodDecl();
      if (MD && !MD->isConst() && RefersTo(M->getImplicitObjectArgument()))
        Modified = true;
    } else if (const auto *U = dyn_cast<UnaryOperator>(S)) {
      if (U->getOpcode() == UO_AddrOf && RefersTo(U->getSubExpr()))
        Modified = true; // it escapes; anything may write it
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return Modified;
}

std::string Resolver::variable(const VarDecl *VD, unsigned Depth) {
  const VarDecl *Def = VD->getDefinition() ? VD->getDefinition() : VD;
  const Expr *Init = Def->getAnyInitializer();
  if (!Init)
    return hole();
  QualType T = VD->getType();
  bool Constant = VD->isConstexpr() || T.isConstQualified() ||
                  (T->isPointerType() && T->getPointeeType().isConstQualified() &&
                   VD->isLocalVarDecl() && !isModifiedAfterInit(VD));
  if (!Constant && VD->isLocalVarDecl() && !isModifiedAfterInit(VD))
    Constant = true;
  if (!Constant)
    return hole();
  return text(Init, Depth + 1);
}

std::string Resolver::text(const Expr *E, unsigned Depth) {
  if (!E || Depth > MaxDepth)
    return hole();
  E = stripWrappers(E);
  if (const auto *SL = dyn_cast<StringLiteral>(E)) {
    if (SL->getCharByteWidth() == 1)
      return SL->getString().str();
    std::string Out;
    for (unsigned I = 0; I < SL->getLength(); ++I) {
      uint32_t C = SL->getCodeUnit(I);
      Out += C < 0x80 ? static_cast<char>(C) : '?';
    }
    return Out;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return variable(VD, Depth);
    return hole();
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Plus && Op->getNumArgs() == 2)
      return text(Op->getArg(0), Depth + 1) + text(Op->getArg(1), Depth + 1);
    return hole();
  }
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
    // c_str() and data() of a string give back its text.
    const CXXMethodDecl *MD = M->getMethodDecl();
    if (MD && MD->isConst() && M->getNumArgs() == 0 &&
        MD->getReturnType()->isPointerType() &&
        MD->getReturnType()->getPointeeType()->isCharType())
      return text(M->getImplicitObjectArgument(), Depth + 1);
    return hole();
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    // A function whose whole body is `return <constant text>;`.
    const FunctionDecl *FD = Call->getDirectCallee();
    if (FD && Call->getNumArgs() == 0 && FD->hasBody())
      if (const auto *Body = dyn_cast<CompoundStmt>(FD->getBody()))
        if (Body->size() == 1)
          if (const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front()))
            return text(Ret->getRetValue(), Depth + 1);
    return hole();
  }
  return hole();
}

std::string resolveSqlText(const Expr *E, ASTContext &Ctx) {
  return Resolver(Ctx).text(E, 0);
}

bool hasHole(const std::string &Text) {
  return Text.find(sql::HoleChar) != std::string::npos;
}

} // namespace sqlrace::flow
