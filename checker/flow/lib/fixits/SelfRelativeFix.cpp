//===- SelfRelativeFix.cpp - sqlrace ----------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The one fix-it sqlrace offers, and only where it is provably equivalent
// and local: a read-modify-write whose UPDATE binds `<read value> + <change>`
// (or `- <change>`) is rewritten to compute the new value in the database,
//
//   "UPDATE accounts SET balance = $1 WHERE id = $2", balance + amount, id
//   "UPDATE accounts SET balance = balance + $1 WHERE id = $2", amount, id
//
// Run alone, both statements leave the same row behind: the value bound
// before was the column's value as read, plus the change, and nothing wrote
// the row in between. Run concurrently, only the second is atomic. The read
// stays where it is, so other uses of the value are untouched.
//===----------------------------------------------------------------------===//
#include "FunctionAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using sqlrace::catalogue::Role;

namespace sqlrace::flow {

// The string literal E is, looking through conversions to std::string:
// one token, written plainly (no prefix, raw string or escape), so that a
// position in the SQL is a position in the source.
static const StringLiteral *plainLiteral(const Expr *E,
                                         const SourceManager &SM) {
  const auto *Lit = dyn_cast_or_null<StringLiteral>(stripWrappers(E));
  if (!Lit || Lit->getNumConcatenated() != 1 || !Lit->isOrdinary())
    return nullptr;
  SourceLocation Tok = Lit->getStrTokenLoc(0);
  if (!Tok.isFileID())
    return nullptr;
  bool Invalid = false;
  const char *Spelling = SM.getCharacterData(Tok, &Invalid);
  if (Invalid || Spelling[0] != '"')
    return nullptr;
  llvm::StringRef Text = Lit->getString();
  // The token as written must hold exactly the literal's bytes.
  if (llvm::StringRef(Spelling + 1, Text.size()) != Text ||
      Spelling[Text.size() + 1] != '"')
    return nullptr;
  return Lit;
}

// Whether the C++ expression has an integer type as written (before
// promotions): integer arithmetic in C++ and in SQL agree, floating point
// and decimal types may not.
static bool isInteger(const Expr *E) {
  return E && E->IgnoreParenImpCasts()->getType()->isIntegerType();
}

// `<read> + <change>`, `<change> + <read>` or `<read> - <change>` inside the
// bound value, looking through conversions of one value (std::to_string,
// .c_str()) but not through locals, whose other uses an edit would change.
static const BinaryOperator *changeExpression(const Expr *Value,
                                              unsigned Depth = 0) {
  if (!Value || Depth > 4)
    return nullptr;
  Value = stripWrappers(Value);
  if (const auto *B = dyn_cast<BinaryOperator>(Value))
    return B->getOpcode() == BO_Add || B->getOpcode() == BO_Sub ? B : nullptr;
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Value))
    if (M->getNumArgs() == 0)
      return changeExpression(M->getImplicitObjectArgument(), Depth + 1);
  if (const auto *C = dyn_cast<CallExpr>(Value))
    if (C->getNumArgs() == 1)
      return changeExpression(C->getArg(0), Depth + 1);
  return nullptr;
}

std::vector<FixEdit> FunctionAnalysis::selfRelativeFix(
    const PathState &S, const Expr *Event, const Query &Q,
    const ReadEvent &R, const Expr *ReadCall, const sql::Assignment &A,
    const Expr *Value) const {
  ASTContext &Ctx = Model.context();
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  // The read returned this column alone, not an expression of it, and
  // nothing else, so any value taken from it is the column's value.
  if (R.Select->SelectedColumns.size() != 1 || Q.Inner || R.Q->Inner ||
      !Q.Rule ||
      sql::selectItemUse(R.Select->SelectedColumns[0], A.Column,
                         R.Q->Dialect) != sql::ColumnUse::Exactly)
    return {};

  const BinaryOperator *B = changeExpression(Value);
  if (!B || !isInteger(B->getLHS()) || !isInteger(B->getRHS()))
    return {};
  bool LeftIsRead = Evaluator.isReadValue(B->getLHS(), S, ReadCall);
  bool RightIsRead = Evaluator.isReadValue(B->getRHS(), S, ReadCall);
  const Expr *Change = LeftIsRead ? B->getRHS() : B->getLHS();
  if (LeftIsRead == RightIsRead ||
      (RightIsRead && B->getOpcode() != BO_Add) ||
      Evaluator.dependsOnRead(Change, S, ReadCall))
    return {};

  // Nothing between the read and the write runs SQL: otherwise the code
  // itself might have changed the row, and the value read would no longer
  // be the column's value when the UPDATE runs.
  bool Between = false;
  forEachCall(F.getBody(), [&](const CallExpr *Call) {
    const catalogue::FunctionRule *Rule = Model.ruleOf(Call);
    if (!Rule || Call == Event || Call == ReadCall)
      return false;
    bool Runs = Rule->TheRole == Role::Execute ||
                Rule->TheRole == Role::ExecuteNamed ||
                Rule->TheRole == Role::ExecutePrepared ||
                Rule->TheRole == Role::Step;
    if (Runs &&
        SM.isBeforeInTranslationUnit(ReadCall->getBeginLoc(),
                                     Call->getBeginLoc()) &&
        SM.isBeforeInTranslationUnit(Call->getBeginLoc(), Event->getBeginLoc()))
      Between = true;
    return Between;
  });
  if (Between)
    return {};

  // The UPDATE's text, written as one plain literal where the SQL is given.
  const StringLiteral *Lit =
      plainLiteral(Model.arg(Q.Call, Q.Rule->SqlArg), SM);
  if (!Lit)
    return {};
  std::vector<sql::Insertion> Edits = sql::selfRelativeAssignment(
      Lit->getString(), A.Column, B->getOpcode() == BO_Sub ? '-' : '+',
      Q.Dialect);
  if (Edits.empty())
    return {};

  CharSourceRange Whole = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(B->getSourceRange()), SM, LO);
  CharSourceRange ChangeRange = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Change->getSourceRange()), SM, LO);
  if (Whole.isInvalid() || ChangeRange.isInvalid())
    return {};
  llvm::StringRef ChangeText = Lexer::getSourceText(ChangeRange, SM, LO);
  if (ChangeText.empty())
    return {};

  // The literal's bytes are the SQL's: an offset in one is one in the other.
  std::vector<FixEdit> Fix;
  for (const sql::Insertion &I : Edits) {
    SourceLocation At = Lit->getStrTokenLoc(0).getLocWithOffset(1 + I.Offset);
    Fix.push_back({CharSourceRange::getCharRange(At, At), I.Text});
  }
  Fix.push_back({Whole, ChangeText.str()});
  return Fix;
}

} // namespace sqlrace::flow
