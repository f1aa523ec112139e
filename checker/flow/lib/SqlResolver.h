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

namespace sqlrace::flow {

/// The text an expression evaluates to, holes included. Looks through string
/// literals (adjacent ones are already joined by Clang), constant and
/// never-modified variables, std::string construction, `+` and c_str(), and
/// functions whose body returns a constant.
std::string resolveSqlText(const clang::Expr *E, clang::ASTContext &Ctx);

/// True when the text has at least one hole.
bool hasHole(const std::string &Text);

} // namespace sqlrace::flow

#endif
