//===- SqlResolver.h - sqlrace --------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Rebuilds the SQL text passed to an API call from the C++ expression, with
// sql::HoleChar for every fragment that cannot be known statically.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_SQLRESOLVER_H
#define SQLRACE_FLOW_SQLRESOLVER_H

#include "clang/AST/Expr.h"
#include <string>

namespace sqlrace::catalogue {
class Catalogue;
} // namespace sqlrace::catalogue

namespace sqlrace::flow {

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

/// True when the text has at least one hole.
bool hasHole(const std::string &Text);

} // namespace sqlrace::flow

#endif
