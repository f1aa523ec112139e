//===- SqlRaceChecks.h - sqlrace ------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The list of sqlrace's clang-tidy checks, registered under their ids.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_CHECKS_SQLRACECHECKS_H
#define SQLRACE_CHECKS_SQLRACECHECKS_H

namespace clang::tidy {
class ClangTidyCheckFactories;
} // namespace clang::tidy

namespace sqlrace::checks {

/// Registers the check of every kind in project::allChecks() under
/// project::checkId() of its kind, so the ids and the list cannot drift from
/// the CLI's.
void addSqlRaceChecks(clang::tidy::ClangTidyCheckFactories &Factories);

} // namespace sqlrace::checks

#endif
