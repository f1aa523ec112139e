//===- FunctionAnalysis.h - sqlrace ---------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The analysis of one function body: the dataflow driver lives in
// RaceAnalyzer.cpp, the verdict of each kind of act in its own file
// (InsertChecks.cpp, UpdateChecks.cpp).
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_FUNCTIONANALYSIS_H
#define SQLRACE_FLOW_FUNCTIONANALYSIS_H

#include "Events.h"
#include "sqlrace/flow/RaceAnalyzer.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/StringMap.h"
#include <set>

namespace sqlrace::flow {

using clang::CFGBlock;
using clang::CFGElement;
using clang::CallExpr;
using clang::Expr;
using clang::FunctionDecl;

/// SQL registered under a constant name (PQprepare, connection::prepare),
/// anywhere in the translation unit. A name registered with two different
/// texts is ambiguous and resolves to nothing.
class TranslationUnitFacts {
public:
  TranslationUnitFacts(clang::ASTContext &Ctx, const ApiModel &Model);
  /// The SQL registered under Name, if it is unambiguous.
  std::optional<std::string> named(llvm::StringRef Name) const {
    auto It = Named.find(Name);
    return It == Named.end() ? std::nullopt : It->second;
  }

private:
  llvm::StringMap<std::optional<std::string>> Named;
};

class FunctionAnalysis {
public:
  FunctionAnalysis(const ApiModel &Model, const TranslationUnitFacts &TU,
                   const FunctionDecl &F, const RaceOptions &Options)
      : Model(Model), TU(TU), F(F), Options(Options),
        Evaluator(Model, CheckEvents), Unique(Model, F) {}

  std::vector<Finding> run();

private:
  const ApiModel &Model;
  const TranslationUnitFacts &TU;
  const FunctionDecl &F;
  const RaceOptions &Options;
  ConditionEvaluator Evaluator;
  UniqueHandling Unique;

  /// Call site -> the SQL it runs (stable addresses: std::map nodes).
  std::map<const Expr *, Query> Queries;
  /// Event call -> existence check it performs.
  std::map<const Expr *, CheckEvent> CheckEvents;
  /// Event call -> keyed read it performs.
  std::map<const Expr *, ReadEvent> ReadEvents;
  /// Set during the final pass only.
  std::vector<Finding> *Findings = nullptr;
  std::set<std::pair<const Expr *, const Expr *>> Reported;

  const Query &queryAt(const Expr *Call, int SqlArg, const std::string *Known);
  void transfer(PathState &S, const CFGElement &E);
  void onCall(PathState &S, const CallExpr *Call);
  /// Records which keyed reads the value E stored into VD comes from.
  void taint(PathState &S, const clang::VarDecl *VD, const Expr *E,
             bool Replace) const;
  void runQuery(PathState &S, const Expr *Event, const Query &Q);
  void onTransaction(TxnState &T, const sql::StatementFacts &St);
  bool isProtected(const TxnState &T, const Handle &H, sql::Dialect D,
                   CheckKind For) const;
  void onInsert(PathState &S, const Expr *Event, const Query &Q,
                const sql::StatementFacts &Insert);
  void onUpdate(PathState &S, const Expr *Event, const Query &Q,
                const sql::StatementFacts &Update);
  /// The C++ expression bound to placeholder Number of the statement run by
  /// Event, or null.
  const Expr *boundValue(const PathState &S, const Expr *Event,
                         unsigned Number) const;
  /// Whether the affected-row count of the write run by Event is read later
  /// in the function.
  bool affectedRowsChecked(const Expr *Event, const Query &Q) const;
  PathState refine(const PathState &S, const CFGBlock &From,
                   unsigned SuccIndex) const;
  bool enabled(CheckKind K) const {
    return llvm::is_contained(Options.Enabled, K);
  }
};


/// The first column of a key expression: lower(email) keys email.
std::string baseColumn(llvm::StringRef Key);

} // namespace sqlrace::flow

#endif
