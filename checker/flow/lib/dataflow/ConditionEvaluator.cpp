//===- ConditionEvaluator.cpp - sqlrace -------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Decides which way a branch goes if an existence check found no row, and
// which way if it found one. A branch whose direction differs between the
// two is a branch on the check's outcome.
//===----------------------------------------------------------------------===//
#include "sqlrace/flow/Isolation.h"
#include "Events.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include <limits>

using namespace clang;
using sqlrace::catalogue::Role;

namespace sqlrace::flow {

constexpr unsigned MaxDepth = 10;

bool isSelfUpdate(const Expr *E) {
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(E))
    return U->isIncrementDecrementOp();
  if (const auto *B = dyn_cast_or_null<BinaryOperator>(E))
    return B->isCompoundAssignmentOp();
  return false;
}

// A COUNT(*) or EXISTS query returns one row whatever it finds: its row
// count says nothing, its first value says everything.
static bool returnsOneValue(const CheckEvent &C) {
  return C.Select->Existence == sql::ExistenceForm::Count ||
         C.Select->Existence == sql::ExistenceForm::Exists;
}

const Expr *ConditionEvaluator::resultSource(const Expr *E, const PathState &S,
                                             unsigned Depth) const {
  if (!E || Depth > MaxDepth)
    return nullptr;
  E = stripWrappers(E);
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf)
      return resultSource(U->getSubExpr(), S, Depth + 1);
  if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
    return resultSource(A->getBase(), S, Depth + 1);
  if (const Expr *Owner = throughSmartPointer(E))
    return resultSource(Owner, S, Depth + 1);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return nullptr;
    if (const Expr *const *Step = S.LastStep.lookup(VD))
      return *Step;
    if (const Expr *const *Value = S.Values.lookup(VD);
        Value && !isSelfUpdate(*Value))
      return resultSource(*Value, S, Depth + 1);
    return nullptr;
  }
  const catalogue::FunctionRule *Rule = Model.ruleOf(E);
  if (!Rule) {
    // An owning holder's accessor (holder.get(), unique_ptr::get) hands back
    // the result it was built from.
    const auto *M = dyn_cast<CXXMemberCallExpr>(E);
    if (M && M->getNumArgs() == 0 && M->getType()->isPointerType())
      return resultSource(M->getImplicitObjectArgument(), S, Depth + 1);
    return nullptr;
  }
  switch (Rule->TheRole) {
  case Role::Execute:
  case Role::ExecuteNamed:
  case Role::Step:
  case Role::ExecutePrepared:
    return E;
  case Role::StoreResult: {
    const Expr *const *Event = S.ResultOf.lookup(E);
    return Event ? *Event : nullptr;
  }
  case Role::Fetch:
  case Role::GotData: {
    const Expr *On = Model.arg(E, Rule->TheRole == Role::Fetch
                                      ? Rule->StatementArg
                                      : Rule->ConnectionArg);
    if (const Expr *Source = resultSource(On, S, Depth + 1))
      return Source;
    // A statement handle that ran its SQL directly (no prepare), or a
    // session asked about its last query: the last event on it.
    return lastEventOn(On, S);
  }
  case Role::FetchRow:
  case Role::Element:
  case Role::ColumnValue:
  case Role::RowCount:
  case Role::IsEmpty:
    return resultSource(Model.arg(E, Rule->ResultArg), S, Depth + 1);
  default:
    return nullptr;
  }
}

const Expr *ConditionEvaluator::lastEventOn(const Expr *On,
                                            const PathState &S) const {
  Handle H = Model.handleOf(On);
  auto It = H.Conn ? S.LastEvent.find(H.Conn) : S.LastEvent.end();
  return It == S.LastEvent.end() ? nullptr : It->second;
}

bool ConditionEvaluator::dependsOnRead(const Expr *E, const PathState &S,
                                       const Expr *Read,
                                       unsigned Depth) const {
  if (!E || Depth > 2 * MaxDepth)
    return false;
  E = stripWrappers(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return false;
    if (const auto *T = S.Taint.lookup(VD); T && T->count(Read))
      return true;
    if (const Expr *const *In = S.Into.lookup(VD))
      return *In == Read;
    const Expr *const *Value = S.Values.lookup(VD);
    if (!Value || isSelfUpdate(*Value))
      return false; // an update of itself: Taint already said all
    return dependsOnRead(*Value, S, Read, Depth + 1);
  }
  // row[0] of a fetched row is a column value.
  if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
    if (resultSource(A->getBase(), S) == Read)
      return true;
  if (const catalogue::FunctionRule *Rule = Model.ruleOf(E)) {
    if (Rule->TheRole == Role::ColumnValue)
      return resultSource(Model.arg(E, Rule->ResultArg), S) == Read;
    // A one-value query: the call is its own value.
    if (Rule->TheRole == Role::Execute && Rule->ReturnsValue)
      return E == Read;
    if (Rule->TheRole == Role::FormatInto) {
      for (const Expr *Arg : cast<CallExpr>(E)->arguments())
        if (dependsOnRead(Arg, S, Read, Depth + 1))
          return true;
      return false;
    }
    // Row counts and statement codes say whether a row came back, not what
    // it holds.
    if (Rule->TheRole != Role::ParseInt && Rule->TheRole != Role::Element &&
        Rule->TheRole != Role::StringCompare)
      return false;
  }
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      if (dependsOnRead(CE, S, Read, Depth + 1))
        return true;
  return false;
}

bool ConditionEvaluator::isReadValue(const Expr *E, const PathState &S,
                                     const Expr *Read, unsigned Depth) const {
  if (!E || Depth > 2 * MaxDepth)
    return false;
  E = stripWrappers(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return false;
    if (const Expr *const *In = S.Into.lookup(VD))
      return *In == Read;
    const Expr *const *Value = S.Values.lookup(VD);
    return Value && !isSelfUpdate(*Value) &&
           isReadValue(*Value, S, Read, Depth + 1);
  }
  if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
    return resultSource(A->getBase(), S) == Read;
  const catalogue::FunctionRule *Rule = Model.ruleOf(E);
  if (!Rule)
    return false;
  if (Rule->TheRole == Role::ColumnValue)
    return resultSource(Model.arg(E, Rule->ResultArg), S) == Read;
  // The text of a column value parsed as a number.
  if (Rule->TheRole == Role::ParseInt)
    return isReadValue(Model.arg(E, Rule->ValueArg), S, Read, Depth + 1);
  return false;
}

std::optional<int64_t>
ConditionEvaluator::evalCall(const CallExpr *Call,
                             const catalogue::FunctionRule &Rule,
                             const PathState &S, const Expr *Check, Outcome O,
                             unsigned Depth) const {
  const CheckEvent &C = Checks.at(Check);
  bool Absent = O == Outcome::Absent;
  switch (Rule.TheRole) {
  case Role::Execute:
    // A one-value query returns the COUNT or EXISTS value itself.
    if (!Rule.ReturnsValue || Call != Check || !returnsOneValue(C))
      return std::nullopt;
    return Absent ? 0 : 1;
  case Role::Step:
    if (Call != Check)
      return std::nullopt;
    if (returnsOneValue(C))
      return Rule.RowCode;
    return Absent ? Rule.DoneCode : Rule.RowCode;
  case Role::RowCount:
  case Role::IsEmpty: {
    if (resultSource(Model.arg(Call, Rule.ResultArg), S, Depth + 1) != Check)
      return std::nullopt;
    bool NoRows = Absent && !returnsOneValue(C);
    if (Rule.TheRole == Role::RowCount)
      return NoRows ? 0 : 1;
    return NoRows ? 1 : 0;
  }
  case Role::ColumnValue:
    if (!returnsOneValue(C) ||
        resultSource(Model.arg(Call, Rule.ResultArg), S, Depth + 1) != Check)
      return std::nullopt;
    return Absent ? 0 : 1;
  case Role::GotData:
    if (resultSource(Call, S, Depth + 1) != Check)
      return std::nullopt;
    return Absent && !returnsOneValue(C) ? 0 : 1;
  case Role::Fetch:
    if (resultSource(Call, S, Depth + 1) != Check)
      return std::nullopt;
    if (returnsOneValue(C))
      return Rule.RowCode;
    return Absent ? Rule.DoneCode : Rule.RowCode;
  case Role::FetchRow:
    if (resultSource(Model.arg(Call, Rule.ResultArg), S, Depth + 1) != Check)
      return std::nullopt;
    return Absent && !returnsOneValue(C) ? 0 : 1;
  case Role::ParseInt:
    return eval(Model.arg(Call, Rule.ValueArg), S, Check, O, Depth + 1);
  default:
    return std::nullopt;
  }
}

std::optional<int64_t> ConditionEvaluator::eval(const Expr *E,
                                                const PathState &S,
                                                const Expr *Check, Outcome O,
                                                unsigned Depth) const {
  if (!E)
    return std::nullopt;
  if (Depth > MaxDepth) {
    noteLimit("a branch condition deeper than 10 operators or variables");
    return std::nullopt;
  }
  E = stripWrappers(E);
  ASTContext &Ctx = Model.context();
  if (!E->isValueDependent() && !E->isTypeDependent()) {
    // NULL, nullptr, 0 as a pointer: a null row.
    if ((E->getType()->isPointerType() || E->getType()->isNullPtrType()) &&
        E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return 0;
    Expr::EvalResult R;
    // A constant that int64_t cannot hold (npos, ~0ull, __int128) is
    // simply unknown: no outcome of a check is decided by it.
    if (E->EvaluateAsInt(R, Ctx, Expr::SE_NoSideEffects))
      return R.Val.getInt().tryExtValue();
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    auto V = eval(U->getSubExpr(), S, Check, O, Depth + 1);
    if (!V)
      return std::nullopt;
    switch (U->getOpcode()) {
    case UO_LNot: return *V == 0;
    case UO_Not: return ~*V;
    case UO_Minus:
      if (*V == std::numeric_limits<int64_t>::min())
        return std::nullopt;
      return -*V;
    case UO_Plus: return *V;
    default: return std::nullopt;
    }
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    auto L = eval(B->getLHS(), S, Check, O, Depth + 1);
    // && and || are decided by one side when it is known.
    if (B->getOpcode() == BO_LAnd || B->getOpcode() == BO_LOr) {
      bool IsAnd = B->getOpcode() == BO_LAnd;
      if (L && (*L != 0) != IsAnd)
        return IsAnd ? 0 : 1;
      auto R = eval(B->getRHS(), S, Check, O, Depth + 1);
      if (R && (*R != 0) != IsAnd)
        return IsAnd ? 0 : 1;
      if (L && R)
        return IsAnd ? 1 : 0;
      return std::nullopt;
    }
    auto R = eval(B->getRHS(), S, Check, O, Depth + 1);
    if (!L || !R)
      return std::nullopt;
    switch (B->getOpcode()) {
    case BO_EQ: return *L == *R;
    case BO_NE: return *L != *R;
    case BO_LT: return *L < *R;
    case BO_GT: return *L > *R;
    case BO_LE: return *L <= *R;
    case BO_GE: return *L >= *R;
    // Checked: an overflow is an unknown value, never undefined behaviour.
    case BO_Add: {
      int64_t Sum;
      if (__builtin_add_overflow(*L, *R, &Sum))
        return std::nullopt;
      return Sum;
    }
    case BO_Sub: {
      int64_t Difference;
      if (__builtin_sub_overflow(*L, *R, &Difference))
        return std::nullopt;
      return Difference;
    }
    // Bit tests of a status code (a "succeeded" macro masks a flag off).
    case BO_And: return *L & *R;
    case BO_Or: return *L | *R;
    case BO_Xor: return *L ^ *R;
    default: return std::nullopt;
    }
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return std::nullopt;
    // A COUNT/EXISTS value received through into(x).
    if (const Expr *const *In = S.Into.lookup(VD)) {
      if (*In != Check || !returnsOneValue(Checks.at(Check)))
        return std::nullopt;
      return O == Outcome::Absent ? 0 : 1;
    }
    const Expr *const *Value = S.Values.lookup(VD);
    if (!Value || isSelfUpdate(*Value))
      return std::nullopt;
    return eval(*Value, S, Check, O, Depth + 1);
  }
  // row[0] of a COUNT/EXISTS result is the count.
  if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
    if (resultSource(A->getBase(), S, Depth + 1) == Check &&
        returnsOneValue(Checks.at(Check)))
      return O == Outcome::Absent ? 0 : 1;
  if (E == Check) {
    // A function that made the check for us answers through its result.
    const CheckEvent &C = Checks.at(Check);
    if (C.ReturnIfAbsent && C.ReturnIfPresent)
      return O == Outcome::Absent ? C.ReturnIfAbsent : C.ReturnIfPresent;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const catalogue::FunctionRule *Rule = Model.ruleOf(Call))
      return evalCall(Call, *Rule, S, Check, O, Depth);
  return std::nullopt;
}

} // namespace sqlrace::flow
