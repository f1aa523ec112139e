//===- SqlResolver.h - sqlrace --------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Rebuilds the SQL text passed to an API call from the C++ expression, with
// sql::HoleChar for every fragment that cannot be known statically.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_SQLRESOLVER_H
#define SQLRACE_FLOW_SQLRESOLVER_H

#include "clang/AST/Expr.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sqlrace::catalogue {
class Catalogue;
} // namespace sqlrace::catalogue

namespace sqlrace::flow {

class FunctionCfgs;

/// The text an expression evaluates to, one sql::HoleChar per fragment
/// that cannot be known. Understands string literals of every kind, constant
/// variables and static members, functions returning one expression, the
/// std::string / string_view / ostringstream, {fmt}, printf and QString ways
/// of building text, and local variables modified along the path to E
/// (modifications that may not run before E leave a hole).
class StatementRegistries;
/// Registries, when given, resolve lookups with a constant key (M["k"],
/// M.at("k")) in the maps they know. Rules, when given, say which
/// constructor argument of a statement-text class holds the SQL.
std::string resolveSqlText(const clang::Expr *E, clang::ASTContext &Ctx,
                           const StatementRegistries *Registries = nullptr,
                           const catalogue::Catalogue *Rules = nullptr);

namespace detail {
class Resolver;
} // namespace detail

/// Resolves the SQL text of the many calls of one translation unit, sharing
/// the work: each expression is resolved once (the pre-pass that looks for
/// DDL and each function's analysis ask for the same calls), and the parent
/// maps and replayed locals of a function body are built once for all of
/// its queries. Limits met while resolving an expression are noted again
/// each time its text is asked for.
class SqlTexts {
public:
  /// Cfgs: the unit's control-flow graphs, shared with the event analysis.
  SqlTexts(clang::ASTContext &Ctx, const StatementRegistries *Registries,
           const catalogue::Catalogue *Rules, FunctionCfgs *Cfgs);
  ~SqlTexts();
  const std::string &text(const clang::Expr *E);
  /// After a failure half-way through a resolution: start afresh (what was
  /// finished stays).
  void reset();

private:
  struct Resolved {
    std::string Text;
    std::vector<std::string> Limits;
    bool Done = false;
  };
  clang::ASTContext &Ctx;
  const StatementRegistries *Registries;
  const catalogue::Catalogue *Rules;
  FunctionCfgs *Cfgs;
  std::unique_ptr<detail::Resolver> R;
  std::map<const clang::Expr *, Resolved> Memo;
};

/// True when the text has at least one hole.
bool hasHole(const std::string &Text);

} // namespace sqlrace::flow

#endif
