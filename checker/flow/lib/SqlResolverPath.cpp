//===- SqlResolverPath.cpp - sqlrace --------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The text of a local string, stream or buffer at one use: its initializer,
// then the modifications that dominate the use, in order. Modifications
// that may or may not run before the use (a branch, a loop, a switch) leave
// a hole where they are, never a guess.
//===----------------------------------------------------------------------===//
#include "sqlrace/flow/Isolation.h"
#include "SqlResolver.h"
#include "SqlResolverInternal.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>

using namespace clang;

namespace sqlrace::flow::detail {

namespace {

/// How a statement may change the variable: not at all, only by adding text
/// at the end (so what came before stays known), or in any other way.
enum class Mod { None, Append, Other };

Mod worse(Mod A, Mod B) { return std::max(A, B); }

/// Recursion bound for walks over expressions and chains.
constexpr unsigned MaxNesting = 256;

/// Parentheses, casts and temporaries never change which object an
/// expression designates.
const Expr *bare(const Expr *E) {
  for (unsigned I = 0; E && I < 32; ++I) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<ExplicitCastExpr>(Next))
      Next = C->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = M->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

bool designates(const Expr *E, const VarDecl *V) {
  const auto *D = dyn_cast_or_null<DeclRefExpr>(bare(E));
  return D && D->getDecl() == V;
}

/// V itself or a part of it: an element, a member, what it points to.
bool rootedAt(const Expr *E, const VarDecl *V) {
  for (unsigned I = 0; E && I < 16; ++I) {
    E = bare(E);
    if (designates(E, V))
      return true;
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
      E = A->getBase();
    else if (const auto *M = dyn_cast<MemberExpr>(E))
      E = M->getBase();
    else if (const auto *U = dyn_cast<UnaryOperator>(E);
             U && U->getOpcode() == UO_Deref)
      E = U->getSubExpr();
    else
      return false;
  }
  return false;
}

/// A parameter through which the callee can write the argument.
bool writesThrough(QualType T) {
  if (T.isNull())
    return true;
  if (const auto *R = T->getAs<ReferenceType>())
    return !R->getPointeeType().isConstQualified();
  if (const auto *P = T->getAs<PointerType>())
    return !P->getPointeeType().isConstQualified();
  return false;
}

template <typename CallT> unsigned explicitCount(const CallT *C) {
  unsigned N = 0;
  for (const Expr *A : C->arguments())
    N += !isa<CXXDefaultArgExpr>(A);
  return N;
}

/// What calling method MD on the variable does to its text.
Mod methodMod(const CXXMethodDecl *MD, unsigned Args) {
  if (const NameRule *R = ruleFor(MD)) {
    switch (R->Act) {
    case Action::Append:
      return Mod::Append;
    case Action::Prepend:
    case Action::Assign:
    case Action::Clear:
      return Mod::Other;
    case Action::TextOrAssign:
      return Args ? Mod::Other : Mod::None;
    case Action::NoEffect:
    case Action::ObjectText:
    case Action::QtArg:
      return Mod::None;
    default:
      break;
    }
  }
  return MD->isConst() || MD->isStatic() ? Mod::None : Mod::Other;
}

/// W is a reference or pointer through which V can be written later.
bool aliases(const VarDecl *W, const VarDecl *V) {
  // The hidden `__range` of a range-for only reads the string it walks.
  if (W->isImplicit() || !W->getInit() || !writesThrough(W->getType()))
    return false;
  const Expr *Init = bare(W->getInit());
  if (const auto *U = dyn_cast<UnaryOperator>(Init);
      U && U->getOpcode() == UO_AddrOf)
    Init = U->getSubExpr();
  return rootedAt(Init, V);
}

/// Parameter P of FD was declared as a forwarding reference (`T &&`), which
/// binds anything and mostly reads it: fmt::format's arguments, a copy made
/// by emplace_back. std::move and std::forward are the exception.
bool forwards(const FunctionDecl *FD, unsigned P) {
  const FunctionDecl *Pattern =
      FD ? FD->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern)
    return false;
  if (const NameRule *R = ruleFor(FD); R && R->Act == Action::ArgText)
    return false;
  const ParmVarDecl *From = nullptr;
  unsigned I = 0;
  for (const ParmVarDecl *Param : Pattern->parameters()) {
    // A pack stands for all the arguments from its position on.
    if (Param->isParameterPack() || I++ == P) {
      From = Param;
      break;
    }
  }
  if (!From)
    return false;
  QualType T = From->getType();
  if (const auto *Pack = T->getAs<PackExpansionType>())
    T = Pack->getPattern();
  const auto *Ref = T->getAs<RValueReferenceType>();
  return Ref && !Ref->getPointeeType().hasQualifiers() &&
         Ref->getPointeeType()->getAs<TemplateTypeParmType>();
}

/// Calls that may write V through an argument.
Mod callArgsMod(const CallExpr *C, const VarDecl *V) {
  const FunctionDecl *FD = C->getDirectCallee();
  if (const NameRule *R = ruleFor(FD))
    if ((R->Act == Action::PrintfInto || R->Act == Action::CopyInto ||
         R->Act == Action::AppendInto) &&
        R->Buffer >= 0 && static_cast<unsigned>(R->Buffer) < C->getNumArgs() &&
        designates(C->getArg(R->Buffer), V))
      return R->Act == Action::AppendInto ? Mod::Append : Mod::Other;
  const FunctionProtoType *Proto = nullptr;
  if (FD)
    Proto = FD->getType()->getAs<FunctionProtoType>();
  else if (const Expr *Callee = C->getCallee())
    if (const auto *P = Callee->getType()->getAs<PointerType>())
      Proto = P->getPointeeType()->getAs<FunctionProtoType>();
  // A member operator's object is argument 0 but not a parameter.
  unsigned Offset =
      isa<CXXOperatorCallExpr>(C) && isa_and_nonnull<CXXMethodDecl>(FD);
  for (unsigned I = Offset; I < C->getNumArgs(); ++I) {
    if (!designates(C->getArg(I), V))
      continue;
    if (!Proto)
      return Mod::Other;
    unsigned P = I - Offset;
    // Variadic arguments are read (printf's %n aside).
    if (P < Proto->getNumParams() && writesThrough(Proto->getParamType(P)) &&
        !forwards(FD, P))
      return Mod::Other;
  }
  return Mod::None;
}

/// How node S itself (not its children) may change V.
Mod nodeMod(const Stmt *S, const VarDecl *V) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getNumArgs() >= 1 && designates(Op->getArg(0), V)) {
      switch (Op->getOperator()) {
      case OO_PlusEqual:
      case OO_LessLess:
        return Mod::Append;
      case OO_Equal:
        return Mod::Other;
      default:
        if (const auto *MD =
                dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee()))
          if (!MD->isConst())
            return Mod::Other;
        break;
      }
    }
  }
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *MD = M->getMethodDecl();
    if (MD && designates(M->getImplicitObjectArgument(), V))
      if (Mod K = methodMod(MD, explicitCount(M)); K != Mod::None)
        return K;
  }
  if (const auto *C = dyn_cast<CallExpr>(S))
    return callArgsMod(C, V);
  if (const auto *K = dyn_cast<CXXConstructExpr>(S)) {
    const CXXConstructorDecl *Ctor = K->getConstructor();
    for (unsigned I = 0; I < K->getNumArgs(); ++I)
      if (designates(K->getArg(I), V) &&
          (!Ctor || (I < Ctor->getNumParams() &&
                     writesThrough(Ctor->getParamDecl(I)->getType()))))
        return Mod::Other;
    return Mod::None;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(S)) {
    if (B->isAssignmentOp() && rootedAt(B->getLHS(), V))
      return Mod::Other;
    // `P = Buf`: a pointer that can write the buffer later.
    if (B->getOpcode() == BO_Assign && designates(B->getRHS(), V) &&
        writesThrough(B->getLHS()->getType()))
      return Mod::Other;
    return Mod::None;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(S)) {
    if ((U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf) &&
        rootedAt(U->getSubExpr(), V))
      return Mod::Other;
    return Mod::None;
  }
  if (const auto *L = dyn_cast<LambdaExpr>(S)) {
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable() && C.getCapturedVar() == V &&
          C.getCaptureKind() == LCK_ByRef)
        return Mod::Other;
    return Mod::None;
  }
  if (const auto *D = dyn_cast<DeclStmt>(S)) {
    for (const Decl *Item : D->decls())
      if (const auto *W = dyn_cast<VarDecl>(Item); W && W != V && aliases(W, V))
        return Mod::Other;
  }
  return Mod::None;
}

/// The statement always leaves the enclosing block: what it does to V never
/// reaches the statements after it.
bool exits(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt>(S))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return !CS->body_empty() && exits(CS->body_back());
  if (const auto *E = dyn_cast<Expr>(S)) {
    E = bare(E);
    if (const auto *W = dyn_cast<ExprWithCleanups>(E))
      E = bare(W->getSubExpr());
    if (isa<CXXThrowExpr>(E))
      return true;
    if (const auto *C = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *FD = C->getDirectCallee())
        return FD->isNoReturn();
  }
  return false;
}

/// S holds a break or continue that leaves it (not one that belongs to a
/// nested loop, or a break of a nested switch).
bool jumps(const Stmt *S, bool InSwitch = false, unsigned Nesting = 0) {
  if (!S)
    return false;
  if (Nesting > MaxNesting) {
    noteLimit("statements nested more than 256 deep around SQL text");
    return true; // too deep to tell: assume the worst
  }
  if (isa<ContinueStmt>(S) || (isa<BreakStmt>(S) && !InSwitch))
    return true;
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
    return false;
  InSwitch |= isa<SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (jumps(Child, InSwitch, Nesting + 1))
      return true;
  return false;
}

class Replay {
public:
  Replay(Resolver &R, const VarDecl *V, unsigned Depth)
      : R(R), V(V), Depth(Depth) {}
  std::string run(const Expr *Use);

private:
  /// Whether an expression is V after a chain of known modifications
  /// (`V << a << b`, `V.append(a).append(b)`), something else, or V after a
  /// modification the resolver does not know.
  enum class Chain { NotRooted, Known, Unknown };

  Resolver &R;
  const VarDecl *V;
  unsigned Depth;
  const Stmt *Body = nullptr;
  const ParentMap *PM = nullptr;
  std::string Content;
  bool Declared = false;
  /// The statement being applied: uses of V inside it read Content.
  const Stmt *Scope = nullptr;
  /// Recursion depth of applyExpr().
  unsigned Nesting = 0;

  Mod mods(const Stmt *S);
  std::optional<bool> constantCondition(const Expr *Cond);
  void limit();
  void settle(Mod K);
  void descend(const Stmt *N, const Stmt *Next, const Stmt *Parent);
  void preceding(const Stmt *S);
  void maybe(const Stmt *S);
  void declare(const VarDecl *W);
  void applyExpr(const Expr *E);
  Chain classify(const Expr *E, unsigned Length = 0);
  void applyChain(const Expr *E);
  bool applyBufferWrite(const Expr *E);
  std::string here(const Expr *E, bool AsValue);
  std::string initial();
  std::string fallback();
};

} // namespace

Mod Replay::mods(const Stmt *S) {
  Mod K = Mod::None;
  llvm::SmallVector<const Stmt *, 32> Work;
  if (S)
    Work.push_back(S);
  while (!Work.empty() && K != Mod::Other) {
    const Stmt *N = Work.pop_back_val();
    if (!R.spend())
      return Mod::Other;
    K = worse(K, nodeMod(N, V));
    for (const Stmt *Child : N->children())
      if (Child)
        Work.push_back(Child);
  }
  return K;
}

std::optional<bool> Replay::constantCondition(const Expr *Cond) {
  bool Value = false;
  if (!Cond || Cond->isValueDependent() || Cond->containsErrors() ||
      !Cond->EvaluateAsBooleanCondition(Value, R.context()))
    return std::nullopt;
  return Value;
}

void Replay::limit() {
  if (Content.size() > Resolver::MaxText) {
    noteLimit("SQL text longer than 1 MiB");
    Content = hole();
  }
}

void Replay::settle(Mod K) {
  if (K == Mod::Append)
    Content += hole();
  else if (K == Mod::Other)
    Content = hole();
}

std::string Replay::here(const Expr *E, bool AsValue) {
  Resolver::Binding Current(R, V, Scope, PM, Content);
  return AsValue ? R.valueText(E, Style::Stream, Depth) : R.text(E, Depth);
}

std::string Replay::initial() {
  const Expr *Init = V->getInit();
  if (!Init)
    return hole(); // an uninitialised buffer or pointer
  // A string stream's constructor argument is an open mode, or a buffer
  // that later writes overwrite from the start: only an empty one is known.
  if (const NameRule *Rule = ruleForType(V->getType());
      Rule && Rule->Act == Action::StreamClass) {
    const Expr *E = bare(Init);
    if (const auto *W = dyn_cast<ExprWithCleanups>(E))
      E = bare(W->getSubExpr());
    const auto *K = dyn_cast<CXXConstructExpr>(E);
    return K && explicitCount(K) == 0 ? "" : hole();
  }
  return R.text(Init, Depth);
}

std::string Replay::fallback() {
  // Where the use sits relative to the modifications is unknown: only a
  // variable that nothing modifies keeps its initial text.
  if (!Body || mods(Body) != Mod::None)
    return hole();
  return initial();
}

std::string Replay::run(const Expr *Use) {
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
  if (!FD || !FD->getBody())
    return hole();
  Body = FD->getBody();
  PM = &R.parents(Body);
  // A static local keeps its value from earlier calls.
  if (V->isStaticLocal())
    return fallback();
  llvm::SmallVector<const Stmt *, 32> Path;
  for (const Stmt *S = Use; S; S = PM->getParent(S)) {
    Path.push_back(S);
    if (S == Body)
      break;
    // Code in a lambda or block runs whenever it is called.
    if (isa<LambdaExpr, BlockExpr, CapturedStmt>(S) || Path.size() > 1024)
      return fallback();
  }
  if (Path.back() != Body)
    return fallback();
  std::reverse(Path.begin(), Path.end());
  for (size_t I = 0; I + 1 < Path.size(); ++I) {
    // Within the use's own full expression the order is the language's,
    // not the statements'; only the expression itself is resolved.
    if (isa<Expr>(Path[I]))
      break;
    descend(Path[I], Path[I + 1], I ? Path[I - 1] : nullptr);
  }
  return Declared ? Content : fallback();
}

void Replay::descend(const Stmt *N, const Stmt *Next, const Stmt *Parent) {
  if (const auto *CS = dyn_cast<CompoundStmt>(N)) {
    // Statements of a switch body before the case that leads to the use
    // may be jumped over.
    bool SwitchBody = Parent && isa<SwitchStmt>(Parent);
    for (const Stmt *C : CS->body()) {
      if (C == Next)
        break;
      if (SwitchBody)
        maybe(C);
      else
        preceding(C);
    }
  } else if (const auto *If = dyn_cast<IfStmt>(N)) {
    if (Next == If->getInit())
      return;
    preceding(If->getInit());
    if (Next == If->getThen() || Next == If->getElse()) {
      preceding(If->getConditionVariableDeclStmt());
      preceding(If->getCond());
    }
  } else if (const auto *F = dyn_cast<ForStmt>(N)) {
    if (Next == F->getInit())
      return;
    preceding(F->getInit());
    // A later iteration sees what earlier ones did.
    settle(worse(
        worse(mods(F->getCond()), mods(F->getInc())),
        worse(mods(F->getBody()), mods(F->getConditionVariableDeclStmt()))));
  } else if (const auto *FR = dyn_cast<CXXForRangeStmt>(N)) {
    if (Next != FR->getBody() && Next != FR->getLoopVarStmt())
      return;
    preceding(FR->getInit());
    preceding(FR->getRangeStmt());
    settle(worse(mods(FR->getBody()), mods(FR->getInc())));
    if (Next == FR->getBody())
      preceding(FR->getLoopVarStmt());
  } else if (isa<WhileStmt, DoStmt>(N)) {
    settle(mods(N));
  } else if (const auto *SW = dyn_cast<SwitchStmt>(N)) {
    if (Next != SW->getBody())
      return;
    preceding(SW->getInit());
    preceding(SW->getConditionVariableDeclStmt());
    preceding(SW->getCond());
  } else if (const auto *T = dyn_cast<CXXTryStmt>(N)) {
    // A handler runs after part of the try block.
    if (Next != T->getTryBlock())
      settle(mods(T->getTryBlock()));
  } else if (const auto *D = dyn_cast<DeclStmt>(N)) {
    // The use is in an initializer: the declarations before it ran.
    Scope = D;
    for (const Decl *Item : D->decls()) {
      const auto *W = dyn_cast<VarDecl>(Item);
      if (!W)
        continue;
      if (W->getInit() == Next)
        break;
      declare(W);
    }
  }
  // Labels, case labels and attributes lead straight to their statement.
}

void Replay::declare(const VarDecl *W) {
  if (W == V) {
    Declared = true;
    Content = initial();
    return;
  }
  if (!Declared)
    return;
  if (aliases(W, V))
    Content = hole();
  if (W->getInit())
    applyExpr(W->getInit());
}

void Replay::maybe(const Stmt *S) {
  if (!S)
    return;
  if (!Declared) {
    preceding(S); // only a declaration of V matters before it exists
    return;
  }
  settle(mods(S));
}

void Replay::preceding(const Stmt *S) {
  if (!S)
    return;
  const Stmt *Saved = Scope;
  Scope = S;
  if (!Declared) {
    // Nothing touches V before its declaration, which is a statement of a
    // block on the path (or a for, if or switch initializer).
    if (const auto *D = dyn_cast<DeclStmt>(S))
      for (const Decl *Item : D->decls())
        if (const auto *W = dyn_cast<VarDecl>(Item))
          declare(W);
  } else if (const auto *E = dyn_cast<Expr>(S)) {
    applyExpr(E);
  } else if (const auto *D = dyn_cast<DeclStmt>(S)) {
    for (const Decl *Item : D->decls())
      if (const auto *W = dyn_cast<VarDecl>(Item))
        declare(W);
  } else if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *C : CS->body())
      preceding(C);
  } else if (const auto *If = dyn_cast<IfStmt>(S)) {
    preceding(If->getInit());
    preceding(If->getConditionVariableDeclStmt());
    preceding(If->getCond());
    if (std::optional<bool> Taken = constantCondition(If->getCond())) {
      // `if (kVerbose)`, `if constexpr`: only one arm can run.
      preceding(*Taken ? If->getThen() : If->getElse());
    } else {
      // A branch that returns (or breaks, throws...) never reaches the use.
      Mod K = Mod::None;
      for (const Stmt *Arm : {If->getThen(), If->getElse()})
        if (Arm && !exits(Arm))
          K = worse(K, mods(Arm));
      settle(K);
    }
  } else if (const auto *F = dyn_cast<ForStmt>(S)) {
    preceding(F->getInit());
    settle(worse(
        worse(mods(F->getCond()), mods(F->getInc())),
        worse(mods(F->getBody()), mods(F->getConditionVariableDeclStmt()))));
  } else if (const auto *Do = dyn_cast<DoStmt>(S);
             Do && constantCondition(Do->getCond()) == false &&
             !jumps(Do->getBody())) {
    // `do { ... } while (0)`, the statement macro idiom, runs once.
    preceding(Do->getBody());
  } else if (const auto *L = dyn_cast<LabelStmt>(S)) {
    preceding(L->getSubStmt());
  } else if (const auto *A = dyn_cast<AttributedStmt>(S)) {
    preceding(A->getSubStmt());
  } else {
    // Loops, switches, try blocks: may run, not run, or repeat.
    settle(mods(S));
  }
  Scope = Saved;
}

void Replay::applyExpr(const Expr *E) {
  if (!E)
    return;
  if (!R.spend()) {
    Content = hole();
    return;
  }
  // Generated code nests thousands of operators: past this depth, stop
  // recursing and only ask whether the rest may change V.
  if (Nesting > MaxNesting) {
    noteLimit("SQL text built in expressions nested more than 256 deep");
    settle(mods(E));
    return;
  }
  ++Nesting;
  auto Leave = llvm::make_scope_exit([this] { --Nesting; });
  E = bare(E);
  if (const auto *W = dyn_cast<ExprWithCleanups>(E))
    E = bare(W->getSubExpr());
  switch (classify(E)) {
  case Chain::Known:
    applyChain(E);
    limit();
    return;
  case Chain::Unknown:
    Content = hole();
    return;
  case Chain::NotRooted:
    break;
  }
  if (applyBufferWrite(E)) {
    limit();
    return;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->isLogicalOp()) {
      applyExpr(B->getLHS());
      settle(mods(B->getRHS()));
      return;
    }
    if (B->getOpcode() == BO_Comma) {
      applyExpr(B->getLHS());
      applyExpr(B->getRHS());
      return;
    }
  }
  if (const auto *C = dyn_cast<ConditionalOperator>(E)) {
    applyExpr(C->getCond());
    settle(worse(mods(C->getTrueExpr()), mods(C->getFalseExpr())));
    return;
  }
  // A lambda's body runs when it is called; a statement expression and a
  // ?: without middle operand are rare enough to be treated as branches.
  if (isa<BinaryConditionalOperator, StmtExpr>(E)) {
    settle(mods(E));
    return;
  }
  if (nodeMod(E, V) != Mod::None)
    Content = hole();
  if (isa<LambdaExpr>(E))
    return;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      applyExpr(CE);
}

Replay::Chain Replay::classify(const Expr *E, unsigned Length) {
  E = bare(E);
  if (!E)
    return Chain::NotRooted;
  if (Length > MaxNesting) {
    noteLimit("SQL text built by a chain of more than 256 calls");
    return Chain::Unknown; // a chain this long is generated: give up on it
  }
  if (designates(E, V))
    return Chain::Known;
  // A pointer set to other text.
  if (const auto *B = dyn_cast<BinaryOperator>(E))
    return B->getOpcode() == BO_Assign && designates(B->getLHS(), V)
               ? Chain::Known
               : Chain::NotRooted;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getNumArgs() < 1)
      return Chain::NotRooted;
    Chain Base = classify(Op->getArg(0), Length + 1);
    if (Base != Chain::Known)
      return Base;
    OverloadedOperatorKind K = Op->getOperator();
    if (Op->getNumArgs() == 2 &&
        (K == OO_LessLess || K == OO_PlusEqual || K == OO_Equal))
      return Chain::Known;
    // Any other member operator on V that is not const may write it.
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    return MD && !MD->isConst() ? Chain::Unknown : Chain::NotRooted;
  }
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = M->getMethodDecl();
    if (!MD)
      return Chain::NotRooted;
    Chain Base = classify(M->getImplicitObjectArgument(), Length + 1);
    if (Base != Chain::Known)
      return Base;
    const NameRule *Rule = ruleFor(MD);
    if (Rule && (Rule->Act == Action::Append || Rule->Act == Action::Prepend ||
                 Rule->Act == Action::Assign || Rule->Act == Action::Clear ||
                 Rule->Act == Action::NoEffect ||
                 (Rule->Act == Action::TextOrAssign && explicitCount(M))))
      return Chain::Known;
    return methodMod(MD, explicitCount(M)) == Mod::None ? Chain::NotRooted
                                                        : Chain::Unknown;
  }
  return Chain::NotRooted;
}

void Replay::applyChain(const Expr *E) {
  E = bare(E);
  if (designates(E, V))
    return;
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    Content = here(B->getRHS(), /*AsValue=*/true);
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    applyChain(Op->getArg(0));
    std::string Operand = here(Op->getArg(1), /*AsValue=*/true);
    if (Op->getOperator() == OO_Equal)
      Content = std::move(Operand);
    else
      Content += Operand;
    return;
  }
  const auto *M = cast<CXXMemberCallExpr>(E);
  applyChain(M->getImplicitObjectArgument());
  const NameRule *Rule = ruleFor(M->getMethodDecl());
  if (!Rule) {
    Content = hole(); // classify() promised a rule; stay safe regardless
    return;
  }
  bool One = explicitCount(M) == 1;
  auto Arg = [&] { return One ? here(M->getArg(0), true) : hole(); };
  switch (Rule->Act) {
  case Action::Append:
    Content += Arg();
    break;
  case Action::Prepend:
    Content = Arg() + Content;
    break;
  case Action::Assign:
  case Action::TextOrAssign:
    Content = Arg();
    break;
  case Action::Clear:
    Content.clear();
    break;
  default:
    break;
  }
}

bool Replay::applyBufferWrite(const Expr *E) {
  const auto *C = dyn_cast<CallExpr>(E);
  const NameRule *Rule = C ? ruleFor(C->getDirectCallee()) : nullptr;
  if (!Rule || Rule->Buffer < 0 ||
      static_cast<unsigned>(Rule->Buffer) >= C->getNumArgs() ||
      !designates(C->getArg(Rule->Buffer), V))
    return false;
  auto ArgAt = [&](int I) -> const Expr * {
    return I >= 0 && static_cast<unsigned>(I) < C->getNumArgs() ? C->getArg(I)
                                                                : nullptr;
  };
  switch (Rule->Act) {
  case Action::PrintfInto: {
    std::string Out;
    {
      Resolver::Binding Current(R, V, Scope, PM, Content);
      Out = R.printfText(C, Rule->Format, Depth);
    }
    // snprintf keeps at most Size - 1 characters; with holes the length
    // is unknown and the text is kept whole.
    if (std::optional<llvm::APSInt> N = R.constantInt(ArgAt(Rule->Size)))
      if (!hasHole(Out) && N->isStrictlyPositive() &&
          N->getActiveBits() <= 63 && Out.size() >= N->getZExtValue())
        Out.resize(N->getZExtValue() - 1);
    Content = std::move(Out);
    return true;
  }
  case Action::CopyInto:
    Content = ArgAt(Rule->Arg) ? here(ArgAt(Rule->Arg), false) : hole();
    return true;
  case Action::AppendInto:
    Content += ArgAt(Rule->Arg) ? here(ArgAt(Rule->Arg), false) : hole();
    return true;
  default:
    return false;
  }
}

std::string replayLocal(Resolver &R, const VarDecl *V, const Expr *Use,
                        unsigned Depth) {
  return Replay(R, V, Depth).run(Use);
}

} // namespace sqlrace::flow::detail
