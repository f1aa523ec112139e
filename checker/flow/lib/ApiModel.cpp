//===- ApiModel.cpp - sqlrace -----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "ApiModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace sqlrace::flow {

const Expr *stripWrappers(const Expr *E) {
  while (E) {
    const Expr *Before = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *S = dyn_cast<CStyleCastExpr>(E))
      E = S->getSubExpr();
    else if (const auto *S = dyn_cast<CXXStaticCastExpr>(E))
      E = S->getSubExpr();
    else if (const auto *K = dyn_cast<CXXConstructExpr>(E)) {
      // A copy, a move or a conversion: look through to the source value.
      // Trailing defaulted arguments (an allocator) do not count.
      unsigned Real = 0;
      for (const Expr *A : K->arguments())
        if (!isa<CXXDefaultArgExpr>(A))
          ++Real;
      if (Real == 1 && !isa<CXXTemporaryObjectExpr>(K))
        E = K->getArg(0);
    }
    if (E == Before)
      return E;
  }
  return E;
}

const catalogue::FunctionRule *ApiModel::ruleOf(const Expr *E) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  if (!Call)
    return nullptr;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return nullptr;
  // Instantiations share their template's name.
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    FD = Pattern;
  FD = FD->getCanonicalDecl();
  auto [It, Inserted] = RuleCache.try_emplace(FD, nullptr);
  if (Inserted)
    It->second = Rules.function(FD->getQualifiedNameAsString());
  return It->second;
}

const Expr *ApiModel::arg(const Expr *E, int Index) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  if (!Call || Index == catalogue::NoArg)
    return nullptr;
  bool MemberOperator = false;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    MemberOperator = isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee());
  if (Index == catalogue::ObjectArg) {
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call))
      return M->getImplicitObjectArgument();
    if (MemberOperator && Call->getNumArgs() > 0)
      return Call->getArg(0);
    return nullptr;
  }
  if (Index < 0)
    return nullptr;
  unsigned I = static_cast<unsigned>(Index) + (MemberOperator ? 1 : 0);
  return I < Call->getNumArgs() ? Call->getArg(I) : nullptr;
}

const VarDecl *ApiModel::varOf(const Expr *E) const {
  while (E) {
    E = stripWrappers(E);
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref) {
        E = U->getSubExpr();
        continue;
      }
      return nullptr;
    }
    if (const auto *D = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(D->getDecl());
    return nullptr;
  }
  return nullptr;
}

// The isolation named by an enum template argument, through the rule's
// enumerator names.
static sql::Isolation isolationOf(const CXXRecordDecl *RD,
                                  const catalogue::TypeRule &Rule) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Rule.IsolationTemplateArg < 0)
    return sql::Isolation::Unspecified;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (static_cast<unsigned>(Rule.IsolationTemplateArg) >= Args.size())
    return sql::Isolation::Unspecified;
  const TemplateArgument &A = Args[Rule.IsolationTemplateArg];
  if (A.getKind() != TemplateArgument::Integral)
    return sql::Isolation::Unspecified;
  const auto *ET = A.getIntegralType()->getAs<EnumType>();
  if (!ET)
    return sql::Isolation::Unspecified;
  for (const EnumConstantDecl *C : ET->getDecl()->enumerators())
    if (llvm::APSInt::isSameValue(C->getInitVal(), A.getAsIntegral())) {
      auto It = Rule.IsolationNames.find(C->getName());
      if (It != Rule.IsolationNames.end())
        return It->second;
    }
  return sql::Isolation::Unspecified;
}

Handle ApiModel::handleOf(const Expr *E) const {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = stripWrappers(E);
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref) {
        E = U->getSubExpr();
        continue;
      }
      return {};
    }
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      // Only members of `this` have an identity we can name: a field of
      // another object could be any object's.
      if (isa<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts()))
        return {M->getMemberDecl()};
      return {};
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    if (!DRE)
      return {};
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return {};
    QualType T = VD->getType().getNonReferenceType();
    if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl()) {
      std::string Name = RD->getQualifiedNameAsString();
      if (const catalogue::TypeRule *Rule = Rules.type(Name)) {
        Handle H;
        H.TxnObject = Rule->TheRole == catalogue::TypeRole::Transaction;
        H.Autocommit = Rule->TheRole == catalogue::TypeRole::Autocommit;
        H.Iso = isolationOf(RD, *Rule);
        H.Conn = VD;
        if (H.TxnObject)
          H.TxnVar = VD;
        // A transaction object built here on a connection stands for it.
        if (const auto *Ctor = dyn_cast_or_null<CXXConstructExpr>(
                VD->getInit() ? VD->getInit()->IgnoreImplicit() : nullptr))
          if (static_cast<unsigned>(Rule->ConnectionCtorArg) <
              Ctor->getNumArgs()) {
            Handle Inner = handleOf(Ctor->getArg(Rule->ConnectionCtorArg));
            if (Inner.Conn)
              H.Conn = Inner.Conn;
          }
        return H;
      }
    }
    // A statement handle made for a connection stands for it.
    if (const Expr *Init = VD->getInit())
      if (const catalogue::FunctionRule *R = ruleOf(stripWrappers(Init));
          R && R->TheRole == catalogue::Role::StatementInit) {
        E = arg(stripWrappers(Init), R->ConnectionArg);
        continue;
      }
    // A local reference to a connection is the connection.
    if (VD->getType()->isReferenceType() && VD->getInit() &&
        !isa<ParmVarDecl>(VD)) {
      E = VD->getInit();
      continue;
    }
    return {VD};
  }
  return {};
}

} // namespace sqlrace::flow
