//===- UpdateChecks.cpp - sqlrace -------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The verdict on an UPDATE of a row read earlier on the same connection:
// sqlrace-read-modify-write when it writes back a value computed from the
// read, sqlrace-check-then-update when a value it read decided the path.
//===----------------------------------------------------------------------===//
#include "FunctionAnalysis.h"
#include "SqlResolver.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using sqlrace::catalogue::Role;

namespace sqlrace::flow {

bool readsColumn(const sql::StatementFacts &Select, llvm::StringRef Column,
                 sql::Dialect D) {
  return llvm::any_of(Select.SelectedColumns, [&](const std::string &Item) {
    return sql::selectItemUse(Item, Column, D) != sql::ColumnUse::None;
  });
}

bool returnsColumn(const sql::StatementFacts &Select, llvm::StringRef Column,
                   sql::Dialect D) {
  return llvm::any_of(Select.SelectedColumns, [&](const std::string &Item) {
    sql::ColumnUse Use = sql::selectItemUse(Item, Column, D);
    return Use == sql::ColumnUse::Exactly || Use == sql::ColumnUse::All;
  });
}

const Expr *FunctionAnalysis::boundValue(const PathState &S, const Expr *Event,
                                         unsigned Number) const {
  const catalogue::FunctionRule *Rule = Model.ruleOf(Event);
  if (!Rule || Number == 0)
    return nullptr;
  if (Rule->TheRole == Role::Step || Rule->TheRole == Role::ExecutePrepared) {
    const VarDecl *Stmt = Model.varOf(Model.arg(Event, Rule->StatementArg));
    const auto *Bound = Stmt ? S.Bindings.lookup(Stmt) : nullptr;
    if (!Bound) {
      // stmt << "UPDATE ...", use(a): binds of the prepare's full expression.
      const Expr *const *Prepared = Stmt ? S.Statements.lookup(Stmt) : nullptr;
      if (!Prepared)
        return nullptr;
      return fullExpressionBind(*Prepared, Number);
    }
    auto B = Bound->find(Number);
    return B == Bound->end() ? nullptr : B->second;
  }
  if (Rule->ParamsFrom >= 0)
    return Model.arg(Event, Rule->ParamsFrom + static_cast<int>(Number) - 1);
  if (Rule->ParamsArg >= 0) {
    const VarDecl *Array = Model.varOf(Model.arg(Event, Rule->ParamsArg));
    if (!Array)
      return nullptr;
    const Expr *Init = Array->getInit();
    if (const Expr *const *Value = S.Values.lookup(Array))
      Init = *Value;
    const auto *List = dyn_cast_or_null<InitListExpr>(stripWrappers(Init));
    if (!List || Number > List->getNumInits())
      return nullptr;
    return List->getInit(Number - 1);
  }
  return fullExpressionBind(Event, Number);
}

const Expr *FunctionAnalysis::fullExpressionOf(const Expr *E) const {
  // The parent map of this function's body only, built once.
  if (!Parents)
    Parents = std::make_unique<ParentMap>(F.getBody());
  const Expr *Top = E;
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    const auto *Up = dyn_cast_or_null<Expr>(Parents->getParent(Top));
    if (!Up)
      break;
    Top = Up;
  }
  return Top;
}

const Expr *FunctionAnalysis::preparedInFullExpression(const Expr *E) const {
  const Expr *Found = nullptr;
  forEachCall(fullExpressionOf(E), [&](const CallExpr *Call) {
    const catalogue::FunctionRule *R = Model.ruleOf(Call);
    if (R && R->TheRole == Role::Prepare &&
        Model.varOf(Model.arg(Call, R->StatementOut)))
      Found = Call;
    return Found != nullptr;
  });
  return Found;
}

// sql << "UPDATE ...", use(a), use(b): the binds of the statement are the
// statement-less bind calls of the same full expression, in source order.
const Expr *FunctionAnalysis::fullExpressionBind(const Expr *Event,
                                                 unsigned Number) const {
  ASTContext &Ctx = Model.context();
  const Expr *Top = fullExpressionOf(Event);
  std::vector<const CallExpr *> Binds;
  forEachCall(Top, [&](const CallExpr *Call) {
    const catalogue::FunctionRule *R = Model.ruleOf(Call);
    if (R && R->TheRole == Role::Bind && R->StatementArg == catalogue::NoArg)
      Binds.push_back(Call);
    return false;
  });
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::sort(Binds, [&](const CallExpr *A, const CallExpr *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  });
  if (Number == 0 || Number > Binds.size())
    return nullptr;
  const CallExpr *Bind = Binds[Number - 1];
  return Model.arg(Bind, Model.ruleOf(Bind)->ValueArg);
}

// Whether the value read, on its way into E, goes through anything other
// than additions and subtractions: a product, a quotient, a bit operation,
// a negation, a comparison, or an operator of a class (a string or a
// document built from it), looking through locals.
static bool reshapesRead(const ConditionEvaluator &Eval, const Expr *E,
                         const PathState &S, const Expr *Read,
                         unsigned Depth = 0) {
  if (!E || Depth > 8)
    return false;
  E = stripWrappers(E);
  auto Depends = [&](const Expr *X) { return Eval.dependsOnRead(X, S, Read); };
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    switch (B->getOpcode()) {
    case BO_Add:
    case BO_Sub:
    case BO_Assign:
    case BO_Comma:
      break;
    case BO_AddAssign:
    case BO_SubAssign:
      // x += d: what x held before is not known here, d is.
      return reshapesRead(Eval, B->getRHS(), S, Read, Depth + 1);
    default:
      if (Depends(B->getLHS()) || Depends(B->getRHS()))
        return true;
    }
  } else if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if ((U->getOpcode() == UO_Minus || U->getOpcode() == UO_Not ||
         U->getOpcode() == UO_LNot) &&
        Depends(U->getSubExpr()))
      return true;
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    // Subscripts, member access and calls reach the value; other operators
    // of a class make something new from it.
    OverloadedOperatorKind K = Op->getOperator();
    bool Reaches = K == OO_Subscript || K == OO_Arrow || K == OO_Call ||
                   K == OO_Equal || (K == OO_Star && Op->getNumArgs() == 1);
    if (!Reaches && llvm::any_of(Op->arguments(), Depends))
      return true;
  } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (const Expr *const *Assigned = S.Values.lookup(VD))
        return reshapesRead(Eval, *Assigned, S, Read, Depth + 1);
    return false;
  }
  for (const Stmt *Child : E->children())
    if (reshapesRead(Eval, dyn_cast_or_null<Expr>(Child), S, Read, Depth + 1))
      return true;
  return false;
}

// The operator of `<read value> + <change>` or `<read value> - <change>`
// that computes Value, on numbers, looking through locals and conversions;
// 0 if the new value is computed some other way (a product, a string or a
// document edited in C++).
static char changeOperator(const ConditionEvaluator &Eval, const Expr *Value,
                           const PathState &S, const Expr *Read,
                           unsigned Depth = 0) {
  if (!Value || Depth > 8)
    return 0;
  Value = stripWrappers(Value);
  if (const auto *B = dyn_cast<BinaryOperator>(Value)) {
    if ((B->getOpcode() != BO_Add && B->getOpcode() != BO_Sub) ||
        !B->getType()->isArithmeticType())
      return 0;
    bool L = Eval.dependsOnRead(B->getLHS(), S, Read);
    bool R = Eval.dependsOnRead(B->getRHS(), S, Read);
    if (L && !R && !reshapesRead(Eval, B->getLHS(), S, Read))
      return B->getOpcode() == BO_Add ? '+' : '-';
    if (R && !L && B->getOpcode() == BO_Add &&
        !reshapesRead(Eval, B->getRHS(), S, Read))
      return '+';
    return 0;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(Value)) {
    if (U->isIncrementDecrementOp())
      return U->getType()->isArithmeticType() ? (U->isIncrementOp() ? '+' : '-')
                                              : 0;
    // APIs that bind a buffer's address (ODBC): the value is what it holds.
    if (U->getOpcode() == UO_AddrOf)
      return changeOperator(Eval, U->getSubExpr(), S, Read, Depth + 1);
  }
  // Cond ? <read> + 1 : 1: the arm made from the value read.
  if (const auto *C = dyn_cast<ConditionalOperator>(Value)) {
    bool T = Eval.dependsOnRead(C->getTrueExpr(), S, Read);
    bool F = Eval.dependsOnRead(C->getFalseExpr(), S, Read);
    if (T == F)
      return 0;
    return changeOperator(Eval, T ? C->getTrueExpr() : C->getFalseExpr(), S,
                          Read, Depth + 1);
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Value))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      const Expr *const *Assigned = S.Values.lookup(VD);
      if (!Assigned)
        return 0;
      // x += d / x -= d on a value read: the change is d.
      if (const auto *B = dyn_cast<BinaryOperator>(*Assigned))
        if (B->getOpcode() == BO_AddAssign || B->getOpcode() == BO_SubAssign)
          return Eval.dependsOnRead(B->getRHS(), S, Read) ||
                         !B->getType()->isArithmeticType()
                     ? 0
                     : (B->getOpcode() == BO_AddAssign ? '+' : '-');
      return changeOperator(Eval, *Assigned, S, Read, Depth + 1);
    }
  // std::to_string(x), x.c_str(): the conversion of a single value.
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Value))
    if (M->getNumArgs() == 0)
      return changeOperator(Eval, M->getImplicitObjectArgument(), S, Read,
                            Depth + 1);
  if (const auto *C = dyn_cast<CallExpr>(Value))
    if (C->getNumArgs() == 1)
      return changeOperator(Eval, C->getArg(0), S, Read, Depth + 1);
  return 0;
}

// The pieces SQL text is made of: the operands of a concatenation and the
// values a formatting call prints, through locals that hold text and
// conversions to a C string (.c_str()).
static void textPieces(const ApiModel &Model, const Expr *E, const PathState &S,
                       llvm::SmallVectorImpl<const Expr *> &Pieces,
                       unsigned Depth = 0) {
  if (!E)
    return;
  E = stripWrappers(E);
  if (Depth > 8) {
    Pieces.push_back(E);
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Plus) {
    for (const Expr *Arg : Op->arguments())
      textPieces(Model, Arg, S, Pieces, Depth + 1);
    return;
  }
  if (const catalogue::FunctionRule *Rule = Model.ruleOf(E);
      Rule && Rule->TheRole == Role::FormatInto) {
    const auto *Call = cast<CallExpr>(E);
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      // Not the buffer written, nor its size.
      if (static_cast<int>(I) != Rule->ValueArg &&
          !isa<UnaryExprOrTypeTraitExpr>(stripWrappers(Call->getArg(I))))
        Pieces.push_back(Call->getArg(I));
    return;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && !VD->getType()->isArithmeticType())
      if (const Expr *const *Assigned = S.Values.lookup(VD)) {
        textPieces(Model, *Assigned, S, Pieces, Depth + 1);
        return;
      }
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E);
      M && M->getNumArgs() == 0) {
    textPieces(Model, M->getImplicitObjectArgument(), S, Pieces, Depth + 1);
    return;
  }
  Pieces.push_back(E);
}

// The change in SQL text built from pieces (a concatenation, a buffer
// formatted with snprintf): changeOperator of the one piece made from the
// value read with a change, when the others made from it are values read
// as they are (a version restated in the WHERE).
static char changeInText(const ApiModel &Model, const ConditionEvaluator &Eval,
                         const Expr *Text, const PathState &S,
                         const Expr *Read) {
  llvm::SmallVector<const Expr *, 8> Pieces;
  textPieces(Model, Text, S, Pieces);
  char Found = 0;
  unsigned Changed = 0;
  for (const Expr *Piece : Pieces) {
    if (!Eval.dependsOnRead(Piece, S, Read))
      continue;
    if (char Op = changeOperator(Eval, Piece, S, Read)) {
      Found = Op;
      ++Changed;
    } else if (reshapesRead(Eval, Piece, S, Read)) {
      return 0;
    }
  }
  return Changed == 1 ? Found : 0;
}

// Whether the function reads VD after the call Event (the new value it
// computed, returned or logged once the UPDATE ran).
bool FunctionAnalysis::usedAfter(const VarDecl *VD, const Expr *Event) const {
  if (!VD)
    return false;
  ASTContext &Ctx = Model.context();
  const SourceManager &SM = Ctx.getSourceManager();
  // After the whole expression that runs the UPDATE: `sql << "...",
  // use(v)` names v as its bound value, not as a later use.
  const Expr *Top = fullExpressionOf(Event);
  bool Used = false;
  std::vector<const Stmt *> Work = {F.getBody()};
  while (!Used && !Work.empty()) {
    const Stmt *S = Work.back();
    Work.pop_back();
    if (!S)
      continue;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (DRE->getDecl() == VD &&
          SM.isBeforeInTranslationUnit(Top->getEndLoc(), DRE->getBeginLoc()))
        Used = true;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return Used;
}

void FunctionAnalysis::judgeUpdate(const PathState &S, const Expr *Event,
                                   const Query &Q,
                                   const sql::StatementFacts &Update,
                                   std::vector<Verdict> &Out) const {
  bool WantRMW = enabled(CheckKind::ReadModifyWrite);
  bool WantCTU = enabled(CheckKind::CheckThenUpdate);
  if ((!WantRMW && !WantCTU) || !Q.Conn.Conn ||
      Update.Table.empty() || Update.KeyColumns.empty())
    return;
  auto T = S.Txns.find(Q.Conn.Conn);
  llvm::StringRef Text = llvm::StringRef(Q.Text).slice(Update.Begin, Update.End);
  for (const auto &[ReadCall, State] : S.Reads) {
    const ReadEvent &R = ReadEvents.at(ReadCall);
    const sql::StatementFacts &Select = *R.Select;
    if (R.Q->Conn.Conn != Q.Conn.Conn || Select.Table != Update.Table)
      continue;
    // The same row: the UPDATE fixes at least the key the SELECT fixed.
    if (!llvm::all_of(Select.KeyColumns, [&](const std::string &K) {
          return llvm::is_contained(Update.KeyColumns, K);
        }))
      continue;
    bool SameTxnObject = !State.TxnObj || State.TxnObj == Q.Conn.TxnVar;
    bool StillOpen = T == S.Txns.end() ? State.Txn == nullptr
                                       : T->second.stillOpen(State.Txn);
    if (State.Protected && SameTxnObject && StillOpen)
      continue;
    // Extra conditions in the WHERE restate what was read (a version, the
    // old value, the state): the UPDATE is a compare-and-set, safe when the
    // code looks at how many rows it changed.
    bool Guarded = llvm::any_of(Update.KeyColumns, [&](const std::string &K) {
      return !llvm::is_contained(Select.KeyColumns, K);
    });

    Finding Fd;
    Fd.ActLoc = Event->getBeginLoc();
    Fd.CheckLoc = ReadCall->getBeginLoc();
    Fd.Table = Update.Table;
    Fd.KeyColumns = Select.KeyColumns;
    Fd.Dialect = Q.Dialect;
    Fd.ActSql = Text.trim().rtrim(';').str();
    Fd.ActSqlPartlyUnknown = hasHole(Fd.ActSql);
    Fd.CheckSqlPartlyUnknown = hasHole(
        llvm::StringRef(R.Q->Text).slice(Select.Begin, Select.End).str());
    Fd.GuardUnchecked = Guarded;
    if (State.Protected)
      Fd.Why = SameTxnObject ? Unprotected::TransactionEndedBetween
                             : Unprotected::DifferentTransaction;

    // A value computed from the read and written back: a lost update.
    bool Written = false;
    for (const sql::Assignment &A : Update.Assignments) {
      if (!WantRMW || A.SelfRelative ||
          !readsColumn(Select, A.Column, R.Q->Dialect))
        continue;
      const Expr *Value = nullptr;
      if (hasHole(A.Value)) {
        Value = Q.Rule ? Model.arg(Q.Call, Q.Rule->SqlArg) : nullptr;
      } else {
        // Where the parse found the value, in Text (a slice of Q.Text).
        std::optional<size_t> ValueAt;
        if (A.ValueOffset && *A.ValueOffset >= Update.Begin)
          ValueAt = *A.ValueOffset - Update.Begin;
        if (std::optional<unsigned> Number = sql::valuePlaceholderNumber(
                Text, A.Value, ValueAt, Q.Dialect))
          Value = boundValue(S, Event, *Number);
      }
      if (!Value || !Evaluator.dependsOnRead(Value, S, ReadCall))
        continue;
      Fd.Check = CheckKind::ReadModifyWrite;
      Fd.Column = A.Column;
      // A value in the text itself (a concatenation) is the one piece of
      // the text made from the read, when the value is nothing else.
      char Op = !hasHole(A.Value)
                    ? changeOperator(Evaluator, Value, S, ReadCall)
                : sql::isOneHole(A.Value, Q.Dialect)
                    ? changeInText(Model, Evaluator, Value, S, ReadCall)
                    : 0;
      Fd.NumericChange = Op != 0;
      if (Op && !hasHole(A.Value)) {
        // The rewrite applies the change to the column's current value:
        // only right when the value read was the column's own, not an
        // expression of it.
        bool Exact = returnsColumn(Select, A.Column, R.Q->Dialect);
        // "col = <value>" becomes "col = col - <value>", made by the SQL
        // layer from the parsed assignment and the lexer's placeholder.
        std::vector<sql::Insertion> Edits =
            Exact ? sql::selfRelativeAssignment(Fd.ActSql, A.Column, Op,
                                                Q.Dialect)
                  : std::vector<sql::Insertion>();
        if (!Edits.empty())
          Fd.AtomicSql = sql::applyInsertions(Fd.ActSql, Edits);
        Fd.NewValueUsedAfter = usedAfter(Model.varOf(Value), Event);
        // When the value read also decided the path (enough balance?),
        // the check stays racy after the rewrite: no fix-it, the guarded
        // UPDATE it needs is not a local edit.
        if (Exact && !Guarded && !State.Decided)
          Fd.Fix = selfRelativeFix(S, Event, Q, R, ReadCall, A, Value);
      }
      Written = true;
      break;
    }
    if (!Written) {
      if (!WantCTU || !State.Decided)
        continue;
      Fd.Check = CheckKind::CheckThenUpdate;
      Fd.BranchLoc = State.Branch ? State.Branch->getBeginLoc() : SourceLocation();
    }
    Out.push_back({Event, std::move(Fd), /*UnlessRowsCounted=*/Guarded});
  }
}

} // namespace sqlrace::flow
