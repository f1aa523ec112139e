//===- UniqueHandling.cpp - sqlrace -----------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Code that handles the unique-violation error turns a check-then-insert
// race into a handled outcome, so the check-then-insert check stays silent
// on it. Two shapes are recognised: a try block whose handler catches the
// API's exception, and a comparison of a value coming from the API with one
// of its unique-violation codes or SQLSTATEs.
//===----------------------------------------------------------------------===//
#include "sqlrace/flow/Isolation.h"
#include "Events.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
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

// Whether the value of E comes from a catalogued call (an error code, a
// step result, an error field), looking through local variables' inits.
static bool comesFromApi(const ApiModel &Model, const Expr *E,
                         unsigned Depth = 0) {
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
      return (VD->getInit() && comesFromApi(Model, VD->getInit(), Depth + 1)) ||
             (VD->hasLocalStorage() && filledByErrorCall(Model, VD));
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      if (comesFromApi(Model, CE, Depth + 1))
        return true;
  return false;
}

static bool isUniqueCode(const ApiModel &Model, const Expr *E) {
  E = stripWrappers(E);
  if (E->isValueDependent())
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

UniqueHandling::UniqueHandling(const ApiModel &Model, const FunctionDecl &F)
    : Model(Model) {
  if (!F.hasBody())
    return;
  auto Compares = [&](const Expr *A, const Expr *B) {
    return (isUniqueCode(Model, A) && comesFromApi(Model, B)) ||
           (isUniqueCode(Model, B) && comesFromApi(Model, A));
  };
  llvm::SmallVector<const Stmt *, 64> Work{F.getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    bool Found = false;
    if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      Found = B->isEqualityOp() && Compares(B->getLHS(), B->getRHS());
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
      Found = (Op->getOperator() == OO_EqualEqual ||
               Op->getOperator() == OO_ExclaimEqual) &&
              Op->getNumArgs() == 2 && Compares(Op->getArg(0), Op->getArg(1));
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const catalogue::FunctionRule *Rule = Model.ruleOf(Call);
      Found = Rule && Rule->TheRole == catalogue::Role::StringCompare &&
              Call->getNumArgs() >= 2 &&
              Compares(Call->getArg(0), Call->getArg(1));
    } else if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
      if (comesFromApi(Model, Sw->getCond()))
        for (const SwitchCase *SC = Sw->getSwitchCaseList(); SC;
             SC = SC->getNextSwitchCase())
          if (const auto *Case = dyn_cast<CaseStmt>(SC))
            if (isUniqueCode(Model, Case->getLHS()))
              CodeComparisons.push_back(Case->getBeginLoc());
    }
    if (Found)
      CodeComparisons.push_back(S->getBeginLoc());
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

bool UniqueHandling::handles(const Expr *Call) const {
  ASTContext &Ctx = Model.context();
  const SourceManager &SM = Ctx.getSourceManager();
  // A comparison with a unique-violation code after the insert.
  for (SourceLocation L : CodeComparisons)
    if (L == Call->getBeginLoc() ||
        SM.isBeforeInTranslationUnit(Call->getBeginLoc(), L))
      return true;
  // An enclosing try block that catches the API's exception.
  DynTypedNodeList Parents = Ctx.getParents(*Call);
  for (unsigned Depth = 0; !Parents.empty() && Depth < 64; ++Depth) {
    if (const auto *Try = Parents[0].get<CXXTryStmt>()) {
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
        QualType T = Try->getHandler(I)->getCaughtType();
        if (T.isNull())
          continue;
        const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
        if (RD &&
            Model.rules().isUniqueViolationException(RD->getQualifiedNameAsString()))
          return true;
      }
    }
    Parents = Ctx.getParents(Parents[0]);
  }
  return false;
}

} // namespace sqlrace::flow
