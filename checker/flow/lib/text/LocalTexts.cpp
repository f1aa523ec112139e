//===- LocalTexts.cpp - sqlrace -------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The text of local strings, streams and buffers along the paths of their
// function (the lattice is described in LocalTexts.h): what each CFG
// element does to a variable, the solver run, and the texts recorded where
// the variables are read.
//===----------------------------------------------------------------------===//
#include "sqlrace/flow/Isolation.h"
#include "SqlResolver.h"
#include "SqlResolverInternal.h"
#include "LocalTexts.h"
#include "Solver.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallVector.h"
#include "clang/Analysis/CFG.h"
#include <algorithm>

using namespace clang;

namespace sqlrace::flow::detail {

namespace {

/// How a statement may change the variable: not at all, only by adding text
/// at the end (so what came before stays known), in any other way, or by
/// making a pointer or reference through which it can be written later.
enum class Mod { None, Append, Other, Escape };

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

/// E is V, or the address of V or of a part of it.
bool pointsTo(const Expr *E, const VarDecl *V) {
  E = bare(E);
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(E);
      U && U->getOpcode() == UO_AddrOf)
    return rootedAt(U->getSubExpr(), V);
  return designates(E, V);
}

/// E is `std::move(V)` or a relative: V handed over to be moved from.
bool movedArg(const Expr *E, const VarDecl *V) {
  const auto *C = dyn_cast_or_null<CallExpr>(bare(E));
  const NameRule *Rule = C ? ruleFor(C->getDirectCallee()) : nullptr;
  return Rule && Rule->Act == Action::ArgText && C->getNumArgs() >= 1 &&
         designates(C->getArg(0), V);
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
  const NameRule *Rule = ruleFor(FD);
  // std::move and its kind return their argument: what is done with the
  // result (a move constructor) happens at a later element.
  if (Rule && Rule->Act == Action::ArgText)
    return Mod::None;
  if (const NameRule *R = Rule)
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
    if (!designates(C->getArg(I), V) && !movedArg(C->getArg(I), V))
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
    // An object built on a writable reference or pointer to V (a text
    // stream writing into a string) may keep it and write V later.
    const CXXConstructorDecl *Ctor = K->getConstructor();
    for (unsigned I = 0; I < K->getNumArgs(); ++I) {
      bool Writable = !Ctor || (I < Ctor->getNumParams() &&
                                writesThrough(Ctor->getParamDecl(I)->getType()));
      if (Writable && pointsTo(K->getArg(I), V))
        return Mod::Escape;
      if (Writable && movedArg(K->getArg(I), V))
        return Mod::Other; // moved from: valid, but of unknown text
    }
    return Mod::None;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(S)) {
    if (B->isAssignmentOp() && rootedAt(B->getLHS(), V))
      return Mod::Other;
    // `P = Buf`: a pointer that can write the buffer later.
    if (B->getOpcode() == BO_Assign && pointsTo(B->getRHS(), V) &&
        writesThrough(B->getLHS()->getType()))
      return Mod::Escape;
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
        return Mod::Escape;
    return Mod::None;
  }
  if (const auto *D = dyn_cast<DeclStmt>(S)) {
    for (const Decl *Item : D->decls())
      if (const auto *W = dyn_cast<VarDecl>(Item); W && W != V && aliases(W, V))
        return Mod::Escape;
  }
  return Mod::None;
}

/// The variable E designates, or whose part (element, member, pointee) or
/// address it is; null for anything else.
const VarDecl *rootVar(const Expr *E) {
  for (unsigned I = 0; E && I < 16; ++I) {
    E = bare(E);
    if (const auto *D = dyn_cast_or_null<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(D->getDecl());
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
      E = A->getBase();
    else if (const auto *M = dyn_cast<MemberExpr>(E))
      E = M->getBase();
    else if (const auto *U = dyn_cast<UnaryOperator>(E);
             U && (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf))
      E = U->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

/// The worst change any node under S may make to V (for a use the CFG does
/// not reach: where it sits relative to the changes is unknown).
Mod mods(Resolver &R, const Stmt *S, const VarDecl *V) {
  Mod K = Mod::None;
  llvm::SmallVector<const Stmt *, 32> Work;
  if (S)
    Work.push_back(S);
  while (!Work.empty() && K < Mod::Other) {
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

/// Whether an expression is a variable after a chain of known modifications
/// (`V << a << b`, `V.append(a).append(b)`), something else, or a variable
/// after a modification the resolver does not know.
enum class Chain { NotRooted, Known, Unknown };

/// Classifies E; Root receives the variable the chain starts at.
Chain classify(const Expr *E, const VarDecl *&Root, unsigned Length = 0) {
  E = bare(E);
  if (!E)
    return Chain::NotRooted;
  if (Length > MaxNesting) {
    noteLimit("SQL text built by a chain of more than 256 calls");
    // A chain this long is generated: give up on it.
    return rootVar(E) ? (Root = rootVar(E), Chain::Unknown) : Chain::NotRooted;
  }
  if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
    Root = dyn_cast<VarDecl>(D->getDecl());
    return Root ? Chain::Known : Chain::NotRooted;
  }
  // A pointer set to other text.
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->getOpcode() != BO_Assign)
      return Chain::NotRooted;
    const auto *D = dyn_cast_or_null<DeclRefExpr>(bare(B->getLHS()));
    Root = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
    return Root ? Chain::Known : Chain::NotRooted;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getNumArgs() < 1)
      return Chain::NotRooted;
    Chain Base = classify(Op->getArg(0), Root, Length + 1);
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
    Chain Base = classify(M->getImplicitObjectArgument(), Root, Length + 1);
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

} // namespace

std::string joinTexts(const std::string &A, const std::string &B) {
  if (A == B)
    return A;
  size_t N = 0;
  while (N < A.size() && N < B.size() && A[N] == B[N])
    ++N;
  std::string Out = A.substr(0, N);
  if (Out.empty() || Out.back() != sql::HoleChar)
    Out += sql::HoleChar;
  return Out;
}

void TextState::join(const TextState &O) {
  Vars.unite(O.Vars, [](const VarDecl *, const TextValue &A,
                        const TextValue &B) {
    if (A == B)
      return A;
    if (A.Escaped || B.Escaped)
      return TextValue{hole(), true};
    return TextValue{joinTexts(A.Text, B.Text), false};
  });
}

/// Solves the local texts of one function and records them where they are
/// read. Expressions are resolved by the Resolver, with the function's
/// locals read from the state being transferred.
class TextFlow {
public:
  using State = TextState;
  TextFlow(Resolver &R, const FunctionDecl &F, BodyTexts &Out)
      : R(R), F(F), Out(Out) {}
  /// The text of V (a local of F) read at Use, solving F first if needed.
  static std::string lookup(Resolver &R, const FunctionDecl &F,
                            const VarDecl *V, const Expr *Use);

  // The solver's domain (Solver.h).
  State initial() { return State(); }
  State edge(const State &S, const CFGBlock &, unsigned) { return S; }
  State thrown(const State &S, const Stmt *) { return S; }
  void transfer(State &S, const CFGElement &E);

private:
  Resolver &R;
  const FunctionDecl &F;
  BodyTexts &Out;
  /// Recording pass: texts are stored at the variables' uses.
  bool Recording = false;
  /// The text of objects constructed by changing a variable, as it was
  /// before the change (see apply()).
  llvm::DenseMap<const Expr *, std::string> Made;

  static bool tracked(const VarDecl *V);
  void set(State &S, const VarDecl *V, std::string Text);
  void settle(State &S, const VarDecl *V, Mod K);
  void declare(State &S, const VarDecl *W);
  void apply(State &S, const Expr *E);
  void applyLink(State &S, const VarDecl *V, const Expr *E);
  bool applyBufferWrite(State &S, const Expr *E);
  void run();
  void record(const State &S, const DeclRefExpr *Use);
  std::string initial(const VarDecl *V, unsigned Depth = 1);
  std::string here(const Expr *E, bool AsValue) {
    return AsValue ? R.valueText(E, Style::Stream, 1) : R.text(E, 1);
  }
};

bool TextFlow::tracked(const VarDecl *V) {
  if (!V || !V->isLocalVarDecl() || V->isStaticLocal())
    return false;
  QualType T = V->getType();
  return !T->isReferenceType() && !T.isVolatileQualified() &&
         !T->isArithmeticType() && !T->isEnumeralType();
}

std::string TextFlow::initial(const VarDecl *V, unsigned Depth) {
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

void TextFlow::set(State &S, const VarDecl *V, std::string Text) {
  if (Text.size() > Resolver::MaxText) {
    noteLimit("SQL text longer than 1 MiB");
    Text = hole();
  }
  S.Vars.set(V, TextValue{std::move(Text), false});
}

void TextFlow::settle(State &S, const VarDecl *V, Mod K) {
  const TextValue *Old = S.Vars.lookup(V);
  if (!Old || Old->Escaped || K == Mod::None)
    return;
  if (K == Mod::Escape)
    S.Vars.set(V, TextValue{hole(), true});
  else if (K == Mod::Other)
    set(S, V, hole());
  else if (Old->Text.empty() || Old->Text.back() != sql::HoleChar)
    set(S, V, Old->Text + hole());
}

void TextFlow::declare(State &S, const VarDecl *W) {
  // A reference or pointer to a tracked local escapes it.
  if (W->getInit())
    if (const VarDecl *V = rootVar(W->getInit()); V && V != W && aliases(W, V))
      settle(S, V, Mod::Escape);
  if (!tracked(W))
    return;
  const Expr *Init = W->getInit() ? bare(W->getInit()) : nullptr;
  if (const auto *C = dyn_cast_or_null<ExprWithCleanups>(Init))
    Init = bare(C->getSubExpr());
  if (auto It = Made.find(Init); Init && It != Made.end())
    set(S, W, It->second);
  else
    set(S, W, initial(W));
}

void TextFlow::transfer(State &S, const CFGElement &E) {
  if (Out.Failed)
    return;
  auto CS = E.getAs<CFGStmt>();
  if (!CS)
    return;
  const Stmt *St = CS->getStmt();
  if (!R.spend()) {
    Out.Failed = true;
    return;
  }
  R.Env = &S;
  if (const auto *D = dyn_cast<DeclRefExpr>(St)) {
    if (Recording)
      record(S, D);
    return;
  }
  if (const auto *D = dyn_cast<DeclStmt>(St)) {
    for (const Decl *Item : D->decls())
      if (const auto *W = dyn_cast<VarDecl>(Item))
        declare(S, W);
    return;
  }
  if (const auto *Ex = dyn_cast<Expr>(St))
    apply(S, Ex);
}

void TextFlow::apply(State &S, const Expr *E) {
  // Only the operation itself: its operands are elements of their own,
  // transferred before it.
  if (isa<CXXOperatorCallExpr, CXXMemberCallExpr, BinaryOperator>(E)) {
    const VarDecl *Root = nullptr;
    Chain C = classify(E, Root);
    if (C != Chain::NotRooted && Root && S.Vars.lookup(Root)) {
      if (C == Chain::Known)
        applyLink(S, Root, E);
      else
        settle(S, Root, Mod::Other);
      return;
    }
  }
  if (applyBufferWrite(S, E))
    return;
  // Any other change to a variable this node names.
  llvm::SmallVector<const VarDecl *, 4> Named;
  if (const auto *L = dyn_cast<LambdaExpr>(E)) {
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable())
        if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar()))
          Named.push_back(V);
  } else {
    for (const Stmt *Child : E->children()) {
      const auto *CE = dyn_cast_or_null<Expr>(Child);
      if (!CE)
        continue;
      if (const VarDecl *V = rootVar(CE)) {
        Named.push_back(V);
        continue;
      }
      // `std::move(V)` handed to this node.
      if (const auto *C = dyn_cast<CallExpr>(bare(CE)); C && C->getNumArgs())
        if (const VarDecl *V = rootVar(C->getArg(0)); V && movedArg(CE, V))
          Named.push_back(V);
    }
  }
  for (const VarDecl *V : Named) {
    if (!S.Vars.lookup(V))
      continue;
    Mod K = nodeMod(E, V);
    // An object made from V by changing it (moving from V): its text is
    // what V held before, read now for the declaration that follows.
    if (K != Mod::None && isa<CXXConstructExpr>(E))
      Made[E] = here(E, /*AsValue=*/false);
    settle(S, V, K);
  }
}

void TextFlow::applyLink(State &S, const VarDecl *V, const Expr *E) {
  const TextValue *Old = S.Vars.lookup(V);
  if (Old->Escaped)
    return;
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    set(S, V, here(B->getRHS(), /*AsValue=*/true));
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    std::string Operand = here(Op->getArg(1), /*AsValue=*/true);
    if (Op->getOperator() == OO_Equal)
      set(S, V, std::move(Operand));
    else
      set(S, V, Old->Text + Operand);
    return;
  }
  const auto *M = cast<CXXMemberCallExpr>(E);
  const NameRule *Rule = ruleFor(M->getMethodDecl());
  if (!Rule) {
    settle(S, V, Mod::Other); // classify() promised a rule; stay safe
    return;
  }
  bool One = explicitCount(M) == 1;
  auto Arg = [&] { return One ? here(M->getArg(0), true) : hole(); };
  switch (Rule->Act) {
  case Action::Append:
    set(S, V, Old->Text + Arg());
    break;
  case Action::Prepend:
    set(S, V, Arg() + Old->Text);
    break;
  case Action::Assign:
  case Action::TextOrAssign:
    set(S, V, Arg());
    break;
  case Action::Clear:
    set(S, V, "");
    break;
  default:
    break;
  }
}

bool TextFlow::applyBufferWrite(State &S, const Expr *E) {
  const auto *C = dyn_cast<CallExpr>(E);
  const NameRule *Rule = C ? ruleFor(C->getDirectCallee()) : nullptr;
  if (!Rule || Rule->Buffer < 0 ||
      static_cast<unsigned>(Rule->Buffer) >= C->getNumArgs())
    return false;
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(bare(C->getArg(Rule->Buffer)));
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  const TextValue *Old = V ? S.Vars.lookup(V) : nullptr;
  if (!Old)
    return false;
  if (Old->Escaped)
    return true;
  auto ArgAt = [&](int I) -> const Expr * {
    return I >= 0 && static_cast<unsigned>(I) < C->getNumArgs() ? C->getArg(I)
                                                                : nullptr;
  };
  switch (Rule->Act) {
  case Action::PrintfInto: {
    std::string Printed = R.printfText(C, Rule->Format, 1);
    // snprintf keeps at most Size - 1 characters; with holes the length
    // is unknown and the text is kept whole.
    if (std::optional<llvm::APSInt> N = R.constantInt(ArgAt(Rule->Size)))
      if (!hasHole(Printed) && N->isStrictlyPositive() &&
          N->getActiveBits() <= 63 && Printed.size() >= N->getZExtValue())
        Printed.resize(N->getZExtValue() - 1);
    set(S, V, std::move(Printed));
    return true;
  }
  case Action::CopyInto:
    set(S, V, ArgAt(Rule->Arg) ? here(ArgAt(Rule->Arg), false) : hole());
    return true;
  case Action::AppendInto:
    set(S, V,
        Old->Text + (ArgAt(Rule->Arg) ? here(ArgAt(Rule->Arg), false) : hole()));
    return true;
  default:
    return false;
  }
}

void TextFlow::record(const State &S, const DeclRefExpr *Use) {
  const auto *W = dyn_cast<VarDecl>(Use->getDecl());
  if (!W)
    return;
  // A reference reads its referent (Resolver::variable follows it).
  const VarDecl *V = W;
  if (W->getType()->isReferenceType() && W->getInit())
    if (const auto *D = dyn_cast<DeclRefExpr>(W->getInit()->IgnoreParenImpCasts()))
      V = dyn_cast<VarDecl>(D->getDecl());
  if (!V || !tracked(V))
    return;
  const TextValue *T = S.Vars.lookup(V);
  Out.AtUse[{V, Use}] = T ? T->Text : hole();
}

void TextFlow::run() {
  const FunctionCfgs::Graph &Graph = R.cfgs().get(F);
  if (!Graph.G) {
    noteLimit("Clang could not build the control-flow graph");
    Out.Failed = true;
    return;
  }
  const CFG *G = Graph.G.get();
  const ExceptionEdges &Throws = *Graph.Throws;
  // Every element costs a step and so does every expression resolved: the
  // work is bounded by the size of the function, not by one query's budget.
  size_t Elements = 0;
  for (const CFGBlock *B : *G)
    Elements += B->size();
  R.Budget = static_cast<unsigned>(
      std::min<size_t>(Resolver::InitialBudget + 256 * Elements, 1u << 30));
  std::optional<EntryStates<State>> In = solveForward(*G, Throws, *this);
  if (!In || Out.Failed) {
    Out.Failed = true;
    return;
  }
  // Every reached block once more from its converged entry state.
  Recording = true;
  replayBlocks(*G, *In, [this](State &S, const CFGElement &E) { transfer(S, E); });
}

std::string localText(Resolver &R, const VarDecl *V, const Expr *Use) {
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
  if (!FD || !FD->getBody())
    return hole();
  return TextFlow::lookup(R, *FD, V, Use);
}

std::string TextFlow::lookup(Resolver &R, const FunctionDecl &F,
                             const VarDecl *V, const Expr *Use) {
  // Solving F now: read the state being transferred.
  if (R.Env && R.EnvFunction == &F) {
    const TextValue *T = R.Env->Vars.lookup(V);
    return T ? T->Text : hole();
  }
  std::unique_ptr<BodyTexts> &Slot = R.Bodies[&F];
  if (!Slot) {
    Slot = std::make_unique<BodyTexts>();
    // The map may grow while F is solved (other functions' locals): keep
    // the object, not the slot.
    BodyTexts *B = Slot.get();
    if (F.isDependentContext()) {
      B->Failed = true; // a template's pattern: its instantiations count
    } else {
      // The texts depend on F alone, not on the query that asked first.
      const TextState *SavedEnv = R.Env;
      const FunctionDecl *SavedFunction = R.EnvFunction;
      unsigned SavedBudget = R.Budget;
      std::vector<Resolver::BoundText> SavedBindings;
      SavedBindings.swap(R.Bindings);
      R.EnvFunction = &F;
      {
        LimitScope Limits(B->Limits);
        TextFlow(R, F, *B).run();
      }
      // The graph stays while the event analysis of F holds it.
      R.cfgs().done(F);
      R.Env = SavedEnv;
      R.EnvFunction = SavedFunction;
      R.Budget = SavedBudget;
      R.Bindings.swap(SavedBindings);
    }
    B->InProgress = false;
  }
  BodyTexts &B = *R.Bodies[&F];
  if (B.InProgress) {
    noteLimit("SQL text of a local variable needed while its own function "
              "was being solved");
    return hole();
  }
  std::string Text;
  if (B.Failed) {
    Text = hole();
  } else if (auto It = B.AtUse.find({V, Use}); It != B.AtUse.end()) {
    Text = It->second;
  } else {
    // A use no path of the CFG reaches as an element (inside a lambda,
    // unevaluated, unreachable), or a static local: only a variable that
    // nothing in the function changes keeps its initial text.
    Text = mods(R, F.getBody(), V) == Mod::None ? TextFlow(R, F, B).initial(V)
                                                : hole();
  }
  if (hasHole(Text))
    for (const std::string &L : B.Limits)
      noteLimit(L);
  return Text;
}

} // namespace sqlrace::flow::detail
