//===- Events.h - sqlrace -------------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Per-function facts shared by the analysis files: the SQL each database
// call runs, and the existence checks, computed once per call site.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_EVENTS_H
#define SQLRACE_FLOW_EVENTS_H

#include "ApiModel.h"
#include "PathState.h"
#include "sqlrace/sql/Statement.h"
#include <optional>
#include <string>
#include <vector>

namespace sqlrace::flow {

/// The SQL run by one call site (an execute call, or a prepare call whose
/// statement a later step runs).
struct Query {
  const clang::Expr *Call = nullptr;
  const catalogue::FunctionRule *Rule = nullptr;
  Handle Conn;
  std::string Text;
  std::vector<sql::StatementFacts> Facts;
  sql::Dialect Dialect = sql::Dialect::Unknown;
  /// For a query run inside a called function: the call that runs it there
  /// (innermost) and the function called here.
  const clang::Expr *Inner = nullptr;
  const clang::FunctionDecl *Via = nullptr;
};

/// An existence check: the event call and the SELECT it ran.
struct CheckEvent {
  const Query *Q = nullptr;
  const sql::StatementFacts *Select = nullptr;
  /// For a check made by a called function: what it returns when no row
  /// was found, and when one was.
  std::optional<int64_t> ReturnIfAbsent, ReturnIfPresent;
};

/// A keyed read: the event call and the SELECT it ran.
struct ReadEvent {
  const Query *Q = nullptr;
  const sql::StatementFacts *Select = nullptr;
};

/// The assumption under which a condition is evaluated.
enum class Outcome { Absent, Present };

/// Evaluates conditions that depend on existence checks.
class ConditionEvaluator {
public:
  ConditionEvaluator(const ApiModel &Model,
                     const std::map<const clang::Expr *, CheckEvent> &Checks)
      : Model(Model), Checks(Checks) {}

  /// The value of E on a path in state S, assuming check Check came out as O;
  /// nullopt when it cannot be known.
  std::optional<int64_t> eval(const clang::Expr *E, const PathState &S,
                              const clang::Expr *Check, Outcome O,
                              unsigned Depth = 0) const;
  /// The event call whose result E reads (through variables, rows, fields).
  const clang::Expr *resultSource(const clang::Expr *E, const PathState &S,
                                  unsigned Depth = 0) const;
  /// The last event run on the connection or statement handle On designates.
  const clang::Expr *lastEventOn(const clang::Expr *On,
                                 const PathState &S) const;
  /// Whether the value of E is computed from a value that the event Read
  /// returned (a column value read out of its result), through locals.
  bool dependsOnRead(const clang::Expr *E, const PathState &S,
                     const clang::Expr *Read, unsigned Depth = 0) const;
  /// Whether E is exactly a value that the event Read returned, unchanged
  /// (through locals, conversions and parsing), not computed from it.
  bool isReadValue(const clang::Expr *E, const PathState &S,
                   const clang::Expr *Read, unsigned Depth = 0) const;

private:
  const ApiModel &Model;
  const std::map<const clang::Expr *, CheckEvent> &Checks;
  std::optional<int64_t> evalCall(const clang::CallExpr *Call,
                                  const catalogue::FunctionRule &Rule,
                                  const PathState &S, const clang::Expr *Check,
                                  Outcome O, unsigned Depth) const;
};

/// x += d, x -= d, ++x, --x: values that update a variable from itself.
bool isSelfUpdate(const clang::Expr *E);

/// Recognises code that handles a unique-key violation: a comparison of a
/// value with one of the API's unique-violation codes or SQLSTATEs, a switch
/// with such a case, a handler catching the API's unique-violation
/// exception. Which INSERT a handling belongs to is decided on paths by the
/// dataflow (FunctionAnalysis::onUniqueHandling).
class UniqueHandling {
public:
  explicit UniqueHandling(const ApiModel &Model) : Model(Model) {}
  /// When St compares a value with a unique-violation code (==, !=, a
  /// string comparison function, a switch with such a case): that value.
  const clang::Expr *comparedWithUniqueCode(const clang::Stmt *St) const;
  /// Whether a handler for T catches the API's unique-violation exception.
  bool isUniqueException(clang::QualType T) const;
  /// Whether the value of E comes from a catalogued call, through locals'
  /// initializers and error calls' out-arguments.
  bool comesFromApi(const clang::Expr *E, unsigned Depth = 0) const;

private:
  const ApiModel &Model;
  bool isUniqueCode(const clang::Expr *E) const;
};

} // namespace sqlrace::flow

#endif
