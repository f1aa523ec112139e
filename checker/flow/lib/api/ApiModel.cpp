//===- ApiModel.cpp - sqlrace -----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "ApiModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

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

bool ApiModel::misfit(const catalogue::FunctionRule &Rule,
                      const FunctionDecl *FD) const {
  // A rule that names an argument this function does not have is a broken
  // rule, not a guess to make: say so and do not apply it.
  if (FD->isVariadic() || FD->getDescribedFunctionTemplate() ||
      Rule.maxArgIndex() < static_cast<int>(FD->getNumParams()))
    return false;
  if (FD->getNumParams() > 0 &&
      FD->getParamDecl(FD->getNumParams() - 1)->isParameterPack())
    return false;
  Rules.noteMisfit(Rule, FD->getNumParams());
  return true;
}

const catalogue::FunctionRule *ApiModel::ruleOf(const Expr *E) const {
  const FunctionDecl *FD = nullptr;
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E))
    FD = Call->getDirectCallee();
  else if (const auto *Ctor = dyn_cast_or_null<CXXConstructExpr>(E))
    FD = Ctor->getConstructor();
  if (!FD)
    return nullptr;
  // Instantiations share their template's name.
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    FD = Pattern;
  FD = FD->getCanonicalDecl();
  auto [It, Inserted] = RuleCache.try_emplace(FD);
  if (Inserted) {
    std::string Name = FD->getQualifiedNameAsString();
    int NumParams = static_cast<int>(FD->getNumParams());
    // For the warnings about config wrappers that match nothing.
    Rules.noteCallee(Name, NumParams);
    const catalogue::FunctionRule *Plain = Rules.function(Name, NumParams);
    if (Plain && !misfit(*Plain, FD))
      It->second.Plain = Plain;
    for (const catalogue::FunctionRule &R : Rules.conditional(Name, NumParams))
      if (!misfit(R, FD))
        It->second.Conditional.push_back(&R);
  }
  // Rules under conditions on arguments first, in file order.
  for (const catalogue::FunctionRule *R : It->second.Conditional)
    if (llvm::all_of(R->When, [&](const catalogue::ArgCondition &C) {
          return meets(arg(E, C.Arg), C);
        }))
      return R;
  return It->second.Plain;
}

// The names a constant argument is spelled with: the macros it expands
// from, and the enumerators or variables it refers to (simple and qualified),
// anywhere inside it (an options object built from an enumerator).
static void constantNames(const Expr *E, const ASTContext &Ctx,
                          llvm::SmallVectorImpl<std::string> &Out,
                          unsigned Depth = 0) {
  if (!E || Depth > 8)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  for (SourceLocation L = E->getBeginLoc(); L.isMacroID();
       L = SM.getImmediateMacroCallerLoc(L)) {
    llvm::StringRef Macro =
        Lexer::getImmediateMacroName(L, SM, Ctx.getLangOpts());
    if (!Macro.empty())
      Out.push_back(Macro.str());
  }
  // Operators and conversion functions have no simple name (getName()
  // would assert); their qualified name still reads as written.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (DRE->getDecl()->getIdentifier())
      Out.push_back(DRE->getDecl()->getName().str());
    Out.push_back(DRE->getDecl()->getQualifiedNameAsString());
  }
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      constantNames(CE, Ctx, Out, Depth + 1);
}

bool ApiModel::meets(const Expr *Arg, const catalogue::ArgCondition &C) const {
  if (!Arg)
    return false;
  if (!C.Names.empty()) {
    llvm::SmallVector<std::string, 8> Names;
    constantNames(Arg, Ctx, Names);
    for (const std::string &N : Names)
      if (llvm::is_contained(C.Names, N))
        return true;
  }
  if (!C.Values.empty()) {
    const Expr *V = Arg->IgnoreParenCasts();
    Expr::EvalResult R;
    if (!V->isValueDependent() && V->EvaluateAsInt(R, Ctx))
      if (std::optional<int64_t> Value = R.Val.getInt().tryExtValue();
          Value && llvm::is_contained(C.Values, *Value))
        return true;
  }
  return false;
}

sql::Isolation ApiModel::isolationArg(const Expr *Call,
                                      const catalogue::FunctionRule &Rule) const {
  if (Rule.IsolationArg == catalogue::NoArg)
    return sql::Isolation::Unspecified;
  llvm::SmallVector<std::string, 8> Names;
  constantNames(arg(Call, Rule.IsolationArg), Ctx, Names);
  for (const std::string &N : Names)
    if (auto It = Rule.IsolationNames.find(N); It != Rule.IsolationNames.end())
      return It->second;
  return sql::Isolation::Unspecified;
}

const Expr *ApiModel::arg(const Expr *E, int Index) const {
  if (const auto *Ctor = dyn_cast_or_null<CXXConstructExpr>(E)) {
    if (Index < 0 || static_cast<unsigned>(Index) >= Ctor->getNumArgs())
      return nullptr;
    return Ctor->getArg(Index);
  }
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

const Expr *throughSmartPointer(const Expr *E) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    if ((Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
        Op->getNumArgs() == 1)
      return Op->getArg(0);
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E))
    if (M->getNumArgs() == 0 && M->getMethodDecl() &&
        M->getMethodDecl()->getIdentifier() && // not operator T*()
        M->getMethodDecl()->getName() == "get" &&
        M->getType()->isPointerType())
      return M->getImplicitObjectArgument();
  return nullptr;
}

const Expr *ApiModel::made(const Expr *Init) const {
  if (!Init)
    return nullptr;
  const Expr *E = Init->IgnoreImplicit();
  if (const auto *C = dyn_cast<ExprWithCleanups>(E))
    E = C->getSubExpr()->IgnoreImplicit();
  if (isa<CXXConstructExpr>(E) && ruleOf(E))
    return E;
  return stripWrappers(Init);
}

const VarDecl *ApiModel::varOf(const Expr *E) const {
  while (E) {
    E = stripWrappers(E);
    if (const Expr *Owner = throughSmartPointer(E)) {
      E = Owner;
      continue;
    }
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

void forEachCall(const Stmt *Root,
                 llvm::function_ref<bool(const CallExpr *)> F) {
  llvm::SmallVector<const Stmt *, 64> Work{Root};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Call = dyn_cast<CallExpr>(S); Call && F(Call))
      return;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

const Expr *ApiModel::connectionOfOutHandle(const VarDecl *VD) const {
  auto [It, Inserted] = OutHandleCache.try_emplace(VD, nullptr);
  if (!Inserted)
    return It->second;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  if (!FD || !FD->hasBody())
    return nullptr;
  const Expr *Conn = nullptr;
  forEachCall(FD->getBody(), [&](const CallExpr *Call) {
    const catalogue::FunctionRule *R = ruleOf(Call);
    if (R && R->TheRole == catalogue::Role::StatementInit &&
        R->StatementOut >= 0 && varOf(arg(Call, R->StatementOut)) == VD)
      Conn = arg(Call, R->ConnectionArg);
    return Conn != nullptr;
  });
  return It->second = Conn;
}

Handle ApiModel::handleOf(const Expr *E) const {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = stripWrappers(E);
    if (const Expr *Owner = throughSmartPointer(E)) {
      E = Owner;
      continue;
    }
    // A default argument standing for "the default connection" (Qt): the
    // parameter it defaults is that connection's identity.
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
      return {Default->getParam()};
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref) {
        E = U->getSubExpr();
        continue;
      }
      return {};
    }
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      // A member object that stands for the connection it belongs to.
      if (const CXXRecordDecl *RD =
              M->getType().getNonReferenceType()->getAsCXXRecordDecl())
        if (const catalogue::TypeRule *Rule =
                Rules.type(RD->getQualifiedNameAsString());
            Rule && Rule->TheRole == catalogue::TypeRole::Facet) {
          E = M->getBase();
          continue;
        }
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
    // A transaction object handed out by a call on a connection (held by
    // value or through a smart pointer): its isolation may be an argument.
    if (const Expr *Init = VD->getInit()) {
      const Expr *Made = made(Init);
      if (const catalogue::FunctionRule *R = ruleOf(Made);
          R && R->TheRole == catalogue::Role::TxnObject) {
        Handle H;
        H.TxnObject = true;
        H.TxnVar = VD;
        H.Iso = isolationArg(Made, *R);
        Handle Inner = handleOf(arg(Made, R->ConnectionArg));
        H.Conn = Inner.Conn ? Inner.Conn : VD;
        return H;
      }
    }
    QualType T = VD->getType().getNonReferenceType();
    if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl()) {
      std::string Name = RD->getQualifiedNameAsString();
      const catalogue::TypeRule *Rule = Rules.type(Name);
      // A query object bound to a connection at construction.
      if (Rule && Rule->TheRole == catalogue::TypeRole::Query) {
        const auto *Ctor = dyn_cast_or_null<CXXConstructExpr>(
            VD->getInit() ? VD->getInit()->IgnoreImplicit() : nullptr);
        if (!Ctor)
          return {VD};
        unsigned At = static_cast<unsigned>(Rule->ConnectionCtorArg);
        if (const catalogue::FunctionRule *CtorRule = ruleOf(Ctor);
            CtorRule && CtorRule->ConnectionArg >= 0)
          At = static_cast<unsigned>(CtorRule->ConnectionArg);
        if (At < Ctor->getNumArgs()) {
          E = Ctor->getArg(At);
          continue;
        }
        return {VD};
      }
      if (Rule) {
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
    // A statement or query object made for a connection stands for it: a
    // handle initialised for the connection, a statement a prepare call on
    // the connection returns, an object constructed from (db, sql) or db.
    if (const Expr *Init = VD->getInit()) {
      const Expr *Made = made(Init);
      if (const catalogue::FunctionRule *R = ruleOf(Made);
          R && R->ConnectionArg != catalogue::NoArg &&
          (R->TheRole == catalogue::Role::StatementInit ||
           R->TheRole == catalogue::Role::Prepare ||
           R->TheRole == catalogue::Role::Execute ||
           R->TheRole == catalogue::Role::ExecutePrepared)) {
        E = arg(Made, R->ConnectionArg);
        continue;
      }
    }
    // ...or filled through an out-argument: alloc(kind, dbc, &stmt).
    if (const Expr *Conn = connectionOfOutHandle(VD)) {
      E = Conn;
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
