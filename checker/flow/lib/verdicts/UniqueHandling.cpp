//===- UniqueHandling.cpp - sqlrace -----------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Code that handles the unique-violation error turns a check-then-insert
// race into a handled outcome, so the check-then-insert check stays silent
// on it. Two shapes are recognised: a handler that catches the API's
// exception, and a comparison of a value coming from the API with one of its
// unique-violation codes or SQLSTATEs. This file recognises the shapes; the
// dataflow decides which INSERT each one handles.
//===----------------------------------------------------------------------===//
#include "sqlrace/flow/Isolation.h"
#include "Events.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace sqlrace::flow {

constexpr unsigned MaxDepth = 6;

// Whether a local variable is written by an error call of its function
// through an out-argument (the rule's value_arg): a buffer that receives an
// SQLSTATE.
static bool filledByErrorCall(const ApiModel &Model, const VarDecl *VD) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  if (!FD || !FD->hasBody())
    return false;
  bool Filled = false;
  forEachCall(FD->getBody(), [&](const CallExpr *Call) {
    const catalogue::FunctionRule *R = Model.ruleOf(Call);
    Filled = R &&
             (R->TheRole == catalogue::Role::ErrorCode ||
              R->TheRole == catalogue::Role::ErrorField) &&
             R->ValueArg >= 0 && Model.varOf(Model.arg(Call, R->ValueArg)) == VD;
    return Filled;
  });
  return Filled;
}

bool UniqueHandling::comesFromApi(const Expr *E, unsigned Depth) const {
  if (!E)
    return false;
  if (Depth > MaxDepth) {
    noteLimit("an error code passed through more than 6 variables");
    return false;
  }
  E = stripWrappers(E);
  if (Model.ruleOf(E))
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return VD->isExceptionVariable() ||
             (VD->getInit() && comesFromApi(VD->getInit(), Depth + 1)) ||
             (VD->hasLocalStorage() && filledByErrorCall(Model, VD));
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      if (comesFromApi(CE, Depth + 1))
        return true;
  return false;
}

bool UniqueHandling::isUniqueCode(const Expr *E) const {
  E = stripWrappers(E);
  if (!E || E->isValueDependent())
    return false;
  // A named constant that means "unique violation" (an error category).
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (Model.rules().isUniqueViolationName(
            DRE->getDecl()->getQualifiedNameAsString()))
      return true;
  if (const auto *SL = dyn_cast<StringLiteral>(E))
    return SL->getCharByteWidth() == 1 &&
           Model.rules().isUniqueViolationState(SL->getString());
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Model.context()))
    return false;
  std::optional<int64_t> Code = R.Val.getInt().tryExtValue();
  return Code && Model.rules().isUniqueViolationCode(*Code);
}

const Expr *UniqueHandling::comparedWithUniqueCode(const Stmt *St) const {
  auto Other = [&](const Expr *A, const Expr *B) -> const Expr * {
    if (isUniqueCode(A) && comesFromApi(B))
      return B;
    if (isUniqueCode(B) && comesFromApi(A))
      return A;
    return nullptr;
  };
  if (const auto *B = dyn_cast<BinaryOperator>(St))
    return B->isEqualityOp() ? Other(B->getLHS(), B->getRHS()) : nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(St))
    return (Op->getOperator() == OO_EqualEqual ||
            Op->getOperator() == OO_ExclaimEqual) &&
                   Op->getNumArgs() == 2
               ? Other(Op->getArg(0), Op->getArg(1))
               : nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(St)) {
    const catalogue::FunctionRule *Rule = Model.ruleOf(Call);
    return Rule && Rule->TheRole == catalogue::Role::StringCompare &&
                   Call->getNumArgs() >= 2
               ? Other(Call->getArg(0), Call->getArg(1))
               : nullptr;
  }
  if (const auto *Sw = dyn_cast<SwitchStmt>(St)) {
    if (!comesFromApi(Sw->getCond()))
      return nullptr;
    for (const SwitchCase *SC = Sw->getSwitchCaseList(); SC;
         SC = SC->getNextSwitchCase())
      if (const auto *Case = dyn_cast<CaseStmt>(SC))
        if (isUniqueCode(Case->getLHS()))
          return Sw->getCond();
  }
  return nullptr;
}

bool UniqueHandling::isUniqueException(QualType T) const {
  if (T.isNull())
    return false;
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && Model.rules().isUniqueViolationException(
                   RD->getQualifiedNameAsString());
}

} // namespace sqlrace::flow
