//===- SqlResolver.cpp - sqlrace ------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Expressions to text: literals, constants, operators and calls. Local
// variables are replayed along the path in SqlResolverPath.cpp, format
// languages are expanded in SqlFormat.cpp, and the names of the string
// vocabulary live in SqlResolverNames.cpp.
//===----------------------------------------------------------------------===//
#include "sqlrace/flow/Isolation.h"
#include "SqlResolver.h"
#include "StatementRegistry.h"
#include "ApiModel.h"
#include "SqlResolverInternal.h"
#include "LocalTexts.h"
#include "FunctionCfg.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/ConvertUTF.h"

using namespace clang;

namespace sqlrace::flow {
namespace detail {

// Recursion of text() on nested expressions (not indirections): deep enough
// for long `a + b + ...` chains, shallow enough for the stack.
static constexpr unsigned MaxNesting = 256;

static void appendUtf8(std::string &Out, uint32_t CodePoint) {
  char Buf[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
  char *End = Buf;
  if (llvm::ConvertCodePointToUTF8(CodePoint, End))
    Out.append(Buf, End);
  else
    Out += hole();
}

std::string literalText(const StringLiteral *SL) {
  // A C string ends at its first NUL, whatever the literal holds after it.
  if (SL->getCharByteWidth() == 1) {
    llvm::StringRef S = SL->getString();
    return S.substr(0, S.find('\0')).str();
  }
  std::string Out;
  unsigned N = SL->getLength();
  for (unsigned I = 0; I < N; ++I) {
    uint32_t C = SL->getCodeUnit(I);
    if (C == 0)
      break;
    if (SL->getCharByteWidth() == 2 && C >= 0xD800 && C < 0xDC00 && I + 1 < N) {
      uint32_t Low = SL->getCodeUnit(I + 1);
      if (Low >= 0xDC00 && Low < 0xE000) {
        C = 0x10000 + ((C - 0xD800) << 10) + (Low - 0xDC00);
        ++I;
      }
    }
    appendUtf8(Out, C);
  }
  return Out;
}

// What stripWrappers() keeps but never changes the text: default arguments
// and member initializers, const_cast.
static const Expr *strip(const Expr *E) {
  for (unsigned I = 0; E && I < 64; ++I) {
    const Expr *Before = E;
    E = stripWrappers(E);
    if (const auto *D = dyn_cast<CXXDefaultArgExpr>(E))
      E = D->getExpr();
    else if (const auto *D = dyn_cast<CXXDefaultInitExpr>(E))
      E = D->getExpr();
    else if (const auto *C = dyn_cast<CXXConstCastExpr>(E))
      E = C->getSubExpr();
    if (E == Before)
      break;
  }
  return E;
}

static llvm::SmallVector<const Expr *, 4> explicitArgs(const CallExpr *C) {
  llvm::SmallVector<const Expr *, 4> Out;
  for (const Expr *A : C->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Out.push_back(A);
  return Out;
}

static bool mentions(const Stmt *S, const VarDecl *V, unsigned &Budget) {
  if (!S || !Budget--)
    return false;
  if (const auto *D = dyn_cast<DeclRefExpr>(S))
    return D->getDecl() == V;
  for (const Stmt *Child : S->children())
    if (mentions(Child, V, Budget))
      return true;
  return false;
}

// The first string literal under S: the text a literal macro wraps.
static const StringLiteral *firstLiteral(const Stmt *S, unsigned &Budget) {
  if (!S || !Budget--)
    return nullptr;
  if (const auto *SL = dyn_cast<StringLiteral>(S))
    return SL;
  for (const Stmt *Child : S->children())
    if (const StringLiteral *SL = firstLiteral(Child, Budget))
      return SL;
  return nullptr;
}

bool Resolver::spend(unsigned Units) {
  if (Budget < Units) {
    if (Budget != 0 || Units != 0)
      noteLimit("SQL text resolution stopped after 200000 steps");
    Budget = 0;
    return false;
  }
  Budget -= Units;
  return true;
}

// The lowest 64 bits of V, whatever its width (never asserts, unlike
// getZExtValue on a value of more than 64 bits).
static uint64_t lowBits(const llvm::APSInt &V) { return V.getRawData()[0]; }

// What C's conversion to (unsigned) char keeps: the lowest byte.
static char lowByte(const llvm::APSInt &V) {
  return static_cast<char>(static_cast<unsigned char>(lowBits(V) & 0xFF));
}

std::optional<llvm::APSInt> Resolver::constantInt(const Expr *E) {
  if (!E || E->isValueDependent() || E->isTypeDependent() ||
      E->containsErrors())
    return std::nullopt;
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt();
}

Resolver::Resolver(ASTContext &Ctx) : Ctx(Ctx) {}
Resolver::~Resolver() = default;

FunctionCfgs &Resolver::cfgs() {
  if (Cfgs)
    return *Cfgs;
  if (!OwnCfgs)
    OwnCfgs = std::make_unique<FunctionCfgs>(Ctx);
  return *OwnCfgs;
}

const std::string *Resolver::bound(const VarDecl *V) {
  for (auto It = Bindings.rbegin(); It != Bindings.rend(); ++It)
    if (It->Var == V)
      return &It->Text;
  return nullptr;
}

std::string Resolver::valueText(const Expr *E, Style S, unsigned Depth) {
  if (!E || E->isTypeDependent())
    return hole();
  QualType T = E->getType().getCanonicalType();
  if (!T->isArithmeticType() && !T->isEnumeralType())
    return text(E, Depth);
  // A parameter bound to the caller's argument.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (const std::string *B = bound(VD))
        return *B;
  // A number or character is known only when it is a constant; the
  // conversion applied by the context (a char appended, an int printed)
  // is in E's type, so it is read before any cast is stripped.
  std::optional<llvm::APSInt> V = spend() ? constantInt(E) : std::nullopt;
  if (!V)
    return hole();
  if (T->isBooleanType()) {
    bool B = V->getBoolValue();
    if (S == Style::Brace)
      return B ? "true" : "false";
    return B ? "1" : "0";
  }
  if (T->isAnyCharacterType()) {
    if (Ctx.getTypeSize(T) == 8)
      return std::string(1, lowByte(*V));
    std::string Out;
    appendUtf8(Out, static_cast<uint32_t>(lowBits(*V)));
    return Out;
  }
  llvm::SmallString<24> Digits;
  V->toString(Digits, 10);
  return Digits.str().str();
}

std::string Resolver::text(const Expr *E, unsigned Depth) {
  if (!E || !spend())
    return hole();
  if (Depth > MaxDepth || Nesting > MaxNesting) {
    noteLimit(Depth > MaxDepth
                  ? "SQL text built through more than 16 variables or calls"
                  : "SQL text nested more than 256 expressions deep");
    return hole();
  }
  ++Nesting;
  auto Leave = llvm::make_scope_exit([this] { --Nesting; });
  std::string Out = unlimited(E, Depth);
  if (Out.size() > MaxText) {
    noteLimit("SQL text longer than 1 MiB");
    return hole();
  }
  // Long texts cost their length each time they are copied: charge it, so
  // the budget bounds the bytes copied as well as the steps.
  if (!spend(static_cast<unsigned>(Out.size() / 1024)))
    return hole();
  return Out;
}

std::string Resolver::unlimited(const Expr *E, unsigned Depth) {
  // Templates that were never instantiated, and recovery expressions. A
  // value-dependent part is only a hole where a constant would be needed.
  if (E->isTypeDependent() || E->containsErrors())
    return hole();
  QualType T = E->getType();
  if (!T.isNull() && (T->isArithmeticType() || T->isEnumeralType()))
    return valueText(E, Style::Stream, Depth);
  E = strip(E);
  if (const auto *SL = dyn_cast<StringLiteral>(E))
    return literalText(SL);
  if (const auto *UDL = dyn_cast<UserDefinedLiteral>(E)) {
    const NameRule *R = ruleFor(UDL->getDirectCallee());
    const Expr *Cooked = UDL->getCookedLiteral();
    if (R && R->Act == Action::LiteralOp && Cooked)
      if (const auto *SL = dyn_cast<StringLiteral>(Cooked->IgnoreImpCasts()))
        return literalText(SL);
    return hole();
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return variable(VD, DRE, Depth);
    // A stream manipulator passed as a function.
    if (const NameRule *R = ruleFor(DRE->getDecl())) {
      if (R->Act == Action::Newline)
        return "\n";
      if (R->Act == Action::NoEffect)
        return "";
    }
    return hole();
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    // Static data members; fields can be set anywhere.
    if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return variable(VD, ME, Depth);
    return hole();
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    const Expr *Cond = CO->getCond();
    bool Value = false;
    if (!Cond->isValueDependent() &&
        Cond->EvaluateAsBooleanCondition(Value, Ctx))
      return text(Value ? CO->getTrueExpr() : CO->getFalseExpr(), Depth);
    std::string A = text(CO->getTrueExpr(), Depth);
    std::string B = text(CO->getFalseExpr(), Depth);
    return A == B ? A : hole();
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E))
    if (B->getOpcode() == BO_Comma)
      return text(B->getRHS(), Depth);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return operatorCall(Op, Depth);
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E))
    return memberCall(M, Depth);
  if (const auto *C = dyn_cast<CallExpr>(E))
    return call(C, Depth);
  if (const auto *K = dyn_cast<CXXConstructExpr>(E)) {
    // stripWrappers() already looked through one-argument constructors,
    // except explicit temporaries (`std::string{"..."}`).
    unsigned Real = 0;
    const Expr *Only = nullptr;
    for (const Expr *A : K->arguments())
      if (!isa<CXXDefaultArgExpr>(A)) {
        ++Real;
        Only = A;
      }
    if (Real == 0)
      return "";
    if (Real == 1)
      return text(Only, Depth);
    // A statement-text class built from the SQL and other arguments (a
    // name, a log mode): the rules say which argument is the SQL.
    if (Rules && K->getConstructor())
      if (const catalogue::TypeRule *Rule = Rules->type(
              K->getConstructor()->getParent()->getQualifiedNameAsString());
          Rule && Rule->TheRole == catalogue::TypeRole::StatementText &&
          Rule->SqlCtorArg >= 0 &&
          static_cast<unsigned>(Rule->SqlCtorArg) < K->getNumArgs())
        return text(K->getArg(Rule->SqlCtorArg), Depth);
    return hole();
  }
  if (const auto *IL = dyn_cast<InitListExpr>(E)) {
    if (IL->getNumInits() == 1 && isa<StringLiteral>(strip(IL->getInit(0))))
      return text(IL->getInit(0), Depth);
    // `char Buf[N] = {}` and `= {0}` hold the empty C string.
    if (IL->getNumInits() == 0)
      return "";
    std::optional<llvm::APSInt> First = constantInt(IL->getInit(0));
    return First && First->isZero() ? "" : hole();
  }
  if (isa<ImplicitValueInitExpr>(E))
    return "";
  return hole();
}

std::string Resolver::variable(const VarDecl *VD, const Expr *Use,
                               unsigned Depth) {
  if (const std::string *B = bound(VD))
    return *B;
  if (isa<ParmVarDecl>(VD))
    return hole(); // a parameter: whatever the caller passes
  QualType T = VD->getType();
  if (T.isVolatileQualified())
    return hole();
  const VarDecl *InitDecl = nullptr;
  const Expr *Init = VD->getAnyInitializer(InitDecl);
  if (T->isReferenceType()) {
    if (!Init)
      return hole();
    // A reference reads its referent at this same use.
    const Expr *Target = Init->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Target))
      if (const auto *Referent = dyn_cast<VarDecl>(DRE->getDecl()))
        return variable(Referent, Use, Depth + 1);
    // Otherwise a temporary whose lifetime the reference extends.
    if (T->getPointeeType().isConstQualified())
      return text(Init, Depth + 1);
    return hole();
  }
  if (VD->isConstexpr() || T.isConstant(Ctx))
    return Init ? text(Init, Depth + 1) : hole();
  // A non-const global or static member can be written from anywhere.
  if (!VD->isLocalVarDecl())
    return hole();
  return localText(*this, VD, Use);
}

std::string Resolver::operatorCall(const CXXOperatorCallExpr *Op,
                                   unsigned Depth) {
  bool Binary = Op->getNumArgs() == 2;
  switch (Op->getOperator()) {
  case OO_Plus:
    if (Binary)
      return text(Op->getArg(0), Depth) + text(Op->getArg(1), Depth);
    break;
  case OO_PlusEqual:
    if (Binary)
      return text(Op->getArg(0), Depth) +
             valueText(Op->getArg(1), Style::Stream, Depth);
    break;
  case OO_Equal:
    if (Binary)
      return valueText(Op->getArg(1), Style::Stream, Depth);
    break;
  case OO_LessLess:
    if (Binary)
      return text(Op->getArg(0), Depth) +
             valueText(Op->getArg(1), Style::Stream, Depth);
    break;
  case OO_Percent: {
    // QStringBuilder's concatenation.
    const NameRule *R = ruleForType(Op->getType());
    if (Binary && R && R->Act == Action::StringClass)
      return text(Op->getArg(0), Depth) + text(Op->getArg(1), Depth);
    break;
  }
  case OO_Subscript:
    if (Binary)
      if (auto Text = registered(Op->getArg(0), Op->getArg(1), Depth))
        return *Text;
    break;
  case OO_Call: {
    if (inLiteralMacro(Op->getBeginLoc(), Ctx)) {
      unsigned Limit = 512;
      const StringLiteral *SL = firstLiteral(Op, Limit);
      return SL ? literalText(SL) : hole();
    }
    // A lambda or function object: its call operator's body.
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee()))
      return returned(
          MD, llvm::ArrayRef(Op->getArgs(), Op->getNumArgs()).slice(1), Depth);
    break;
  }
  default:
    break;
  }
  return hole();
}

std::optional<std::string> Resolver::registered(const Expr *Map,
                                                const Expr *Key,
                                                unsigned Depth) {
  if (!Registries)
    return std::nullopt;
  const auto *D = dyn_cast<DeclRefExpr>(Map->IgnoreImplicit());
  const auto *V = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
  const auto *Entries = V ? Registries->entries(V) : nullptr;
  if (!Entries)
    return std::nullopt;
  std::string Name = text(Key, Depth + 1);
  auto It = Entries->find(Name);
  if (hasHole(Name) || It == Entries->end() || !It->second)
    return hole();
  return *It->second;
}

std::string Resolver::memberCall(const CXXMemberCallExpr *M, unsigned Depth) {
  const CXXMethodDecl *MD = M->getMethodDecl();
  if (!MD)
    return hole();
  const Expr *Obj = M->getImplicitObjectArgument();
  // A virtual call runs the body of the object's dynamic type: follow it
  // only when the final overrider is known.
  if (MD->isVirtual()) {
    MD = MD->getDevirtualizedMethod(Obj, /*IsAppleKext=*/false);
    if (!MD)
      return hole();
  }
  if (MD->getIdentifier() && MD->getName() == "at" && M->getNumArgs() == 1)
    if (auto Text = registered(Obj, M->getArg(0), Depth))
      return *Text;
  if (isa<CXXConversionDecl>(MD)) {
    const NameRule *R = ruleFor(MD->getParent());
    if (R && R->Act == Action::StringClass)
      return text(Obj, Depth);
  }
  if (const NameRule *R = ruleFor(MD))
    return byRule(*R, M, Obj, Depth);
  return returned(MD, llvm::ArrayRef(M->getArgs(), M->getNumArgs()), Depth);
}

std::string Resolver::call(const CallExpr *C, unsigned Depth) {
  const FunctionDecl *FD = C->getDirectCallee();
  if (!FD)
    return hole();
  if (const NameRule *R = ruleFor(FD))
    return byRule(*R, C, nullptr, Depth);
  return returned(FD, llvm::ArrayRef(C->getArgs(), C->getNumArgs()), Depth);
}

std::string Resolver::byRule(const NameRule &Rule, const CallExpr *C,
                             const Expr *Obj, unsigned Depth) {
  auto ArgAt = [&](int I) -> const Expr * {
    return I >= 0 && static_cast<unsigned>(I) < C->getNumArgs() ? C->getArg(I)
                                                                : nullptr;
  };
  llvm::SmallVector<const Expr *, 4> Explicit = explicitArgs(C);
  auto Single = [&] {
    return Explicit.size() == 1 ? valueText(Explicit[0], Style::Stream, Depth)
                                : hole();
  };
  switch (Rule.Act) {
  case Action::ObjectText:
    return Obj ? text(Obj, Depth) : hole();
  case Action::TextOrAssign:
    if (!Obj)
      return hole();
    return Explicit.empty() ? text(Obj, Depth) : Single();
  case Action::ArgText: {
    std::string Out = text(ArgAt(Rule.Arg), Depth);
    const Expr *Size = ArgAt(Rule.Size);
    if (!Size || isa<CXXDefaultArgExpr>(Size))
      return Out;
    // An explicit length: -1 reads up to the NUL, others cut the text.
    std::optional<llvm::APSInt> N = constantInt(Size);
    if (!N)
      return hole();
    if (N->isNegative())
      return Out;
    // A length past the end of the text (however wide the constant) reads
    // bytes we do not know.
    if (hasHole(Out) || N->getActiveBits() > 63 ||
        N->getZExtValue() > Out.size())
      return hole();
    return Out.substr(0, N->getZExtValue());
  }
  case Action::Stringify:
    // A second argument is a base or a precision: not the default text.
    return Explicit.size() == 1 ? valueText(Explicit[0], Style::Stream, Depth)
                                : hole();
  case Action::Append:
    return Obj ? text(Obj, Depth) + Single() : hole();
  case Action::Prepend:
    return Obj ? Single() + text(Obj, Depth) : hole();
  case Action::Assign:
    return Single();
  case Action::Clear:
    return "";
  case Action::NoEffect:
    return Obj ? text(Obj, Depth) : hole();
  case Action::CopyInto:
    return text(ArgAt(Rule.Arg), Depth);
  case Action::AppendInto:
    return text(ArgAt(Rule.Buffer), Depth) + text(ArgAt(Rule.Arg), Depth);
  case Action::PrintfText:
    return printfText(C, Rule.Format, Depth);
  case Action::BraceFormat: {
    const Expr *Format = ArgAt(Rule.Format);
    if (!Format)
      return hole();
    return expandBraces(text(Format, Depth), [&](unsigned I) {
      const Expr *A = ArgAt(Rule.Format + 1 + static_cast<int>(I));
      return A ? valueText(A, Style::Brace, Depth) : hole();
    });
  }
  case Action::QtArg:
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(C))
      return qtArg(M, Depth);
    return hole();
  default:
    // A count (sprintf's result), a class or a macro name: no text here.
    return hole();
  }
}

std::string Resolver::printfText(const CallExpr *C, unsigned Format,
                                 unsigned Depth) {
  if (Format >= C->getNumArgs())
    return hole();
  unsigned First = Format + 1;
  return expandPrintf(
      text(C->getArg(Format), Depth), [&](unsigned I, char Conv) {
        if (First + I >= C->getNumArgs())
          return hole();
        const Expr *A = C->getArg(First + I);
        if (Conv == 's')
          return text(A, Depth);
        // Varargs are promoted to int, so the conversion (not the type)
        // says whether a number or a character is printed.
        std::optional<llvm::APSInt> N = constantInt(A);
        if (!N)
          return hole();
        if (Conv == 'c') // printed as an unsigned char, whatever its width
          return std::string(1, lowByte(*N));
        if (Conv == 'u' && N->isSigned() && N->isNegative())
          return hole();
        llvm::SmallString<24> Digits;
        N->toString(Digits, 10);
        return Digits.str().str();
      });
}

std::string Resolver::qtArg(const CXXMemberCallExpr *M, unsigned Depth) {
  std::string Base = text(M->getImplicitObjectArgument(), Depth);
  llvm::SmallVector<const Expr *, 4> Explicit = explicitArgs(M);
  const CXXMethodDecl *MD = M->getMethodDecl();
  if (Explicit.empty() || !MD)
    return Base;
  // arg(a1, a2, ...) fills several markers in one pass; arg(a, width, ...)
  // fills one, and a width, base or fill character changes its text.
  bool Multi =
      MD->getPrimaryTemplate() ||
      (MD->getNumParams() >= 2 &&
       MD->getParamDecl(1)->getType().getNonReferenceType()->isRecordType());
  std::vector<std::string> Texts;
  if (Multi)
    for (const Expr *A : Explicit)
      Texts.push_back(text(A, Depth));
  else
    Texts.push_back(Explicit.size() == 1
                        ? valueText(Explicit[0], Style::Stream, Depth)
                        : hole());
  return expandQtArg(Base, Texts);
}

std::string Resolver::returned(const FunctionDecl *FD,
                               llvm::ArrayRef<const Expr *> Args,
                               unsigned Depth) {
  // Only a body that is one `return <expr>;`: anything longer would need
  // the callee's own paths.
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def || Def->isDependentContext())
    return hole();
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body || Body->size() != 1)
    return hole();
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  if (!Ret || !Ret->getRetValue())
    return hole();
  // Parameters read as the caller's arguments, resolved in the caller's
  // context before any of them is bound.
  llvm::SmallVector<std::pair<const VarDecl *, std::string>, 4> Bound;
  for (unsigned I = 0; I < Def->getNumParams() && I < Args.size(); ++I) {
    const ParmVarDecl *P = Def->getParamDecl(I);
    unsigned Limit = 2048;
    if (mentions(Ret->getRetValue(), P, Limit))
      Bound.push_back({P, valueText(Args[I], Style::Stream, Depth + 1)});
  }
  size_t Mark = Bindings.size();
  for (auto &[P, Text] : Bound)
    Bindings.push_back({P, std::move(Text)});
  std::string Out = text(Ret->getRetValue(), Depth + 1);
  Bindings.erase(Bindings.begin() + Mark, Bindings.end());
  return Out;
}

} // namespace detail

std::string resolveSqlText(const Expr *E, ASTContext &Ctx,
                           const StatementRegistries *Registries,
                           const catalogue::Catalogue *Rules) {
  detail::Resolver R(Ctx);
  R.Registries = Registries;
  R.Rules = Rules;
  return R.text(E, 0);
}

SqlTexts::SqlTexts(ASTContext &Ctx, const StatementRegistries *Registries,
                   const catalogue::Catalogue *Rules, FunctionCfgs *Cfgs)
    : Ctx(Ctx), Registries(Registries), Rules(Rules), Cfgs(Cfgs) {
  reset();
}

SqlTexts::~SqlTexts() = default;

void SqlTexts::reset() {
  R = std::make_unique<detail::Resolver>(Ctx);
  R->Registries = Registries;
  R->Rules = Rules;
  R->Cfgs = Cfgs;
}

const std::string &SqlTexts::text(const Expr *E) {
  Resolved &Out = Memo[E];
  // Not done: new, or left half-way by a failure (Isolation.h).
  if (!Out.Done) {
    Out.Limits.clear();
    LimitScope Scope(Out.Limits);
    R->startQuery();
    Out.Text = R->text(E, 0);
    Out.Done = true;
  }
  for (const std::string &L : Out.Limits)
    noteLimit(L);
  return Out.Text;
}

bool hasHole(const std::string &Text) {
  return Text.find(sql::HoleChar) != std::string::npos;
}

} // namespace sqlrace::flow
