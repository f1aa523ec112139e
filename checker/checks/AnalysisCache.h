//===- AnalysisCache.h - sqlrace ------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// One flow analysis per translation unit, shared by every enabled sqlrace
// clang-tidy check: the first check to run on a TU computes it, the others
// read its findings.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_CHECKS_ANALYSISCACHE_H
#define SQLRACE_CHECKS_ANALYSISCACHE_H

#include "sqlrace/flow/Finding.h"
#include "sqlrace/project/ProjectSetup.h"
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace sqlrace::checks {

/// The analysis of Ctx's main file with Project's rules and options, for
/// the checks Enabled (which replace Project.Options.Enabled). Computed once
/// per (Ctx, Project, Enabled) and kept until Ctx is destroyed, so every
/// check of a TU that shares the rules files and the enabled set gets the
/// same result. Check-specific filtering (a check's own IgnoredTables, its
/// kind) is the caller's: it does not change what the analysis finds.
///
/// The result stays valid while Ctx lives. With SQLRACE_DEBUG_ANALYSES set
/// in the environment, each analysis run prints a line on stderr
/// ("sqlrace: analysing <main file> for N check(s)"), for tests that
/// count them.
const flow::AnalysisResult &
sharedAnalysis(clang::ASTContext &Ctx, const project::Setup &Project,
               const std::vector<project::CheckKind> &Enabled);

} // namespace sqlrace::checks

#endif
