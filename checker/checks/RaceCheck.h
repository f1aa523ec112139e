//===- RaceCheck.h - sqlrace ----------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// What every sqlrace clang-tidy check shares: the RulesFiles option, the
// catalogue, and turning the flow analysis' findings into diagnostics.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_CHECKS_RACECHECK_H
#define SQLRACE_CHECKS_RACECHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "sqlrace/catalogue/Catalogue.h"
#include "sqlrace/flow/Finding.h"
#include "sqlrace/project/CheckList.h"
#include <string>
#include <vector>

namespace sqlrace::checks {

/// A clang-tidy check that reports the findings of one project::CheckKind, with
/// the CLI's analysis (flow::analyseMainFile, run once per translation unit
/// for all enabled sqlrace checks: AnalysisCache.h) and wording
/// (report::wordFinding), so clang-tidy and the CLI report the same thing.
///
/// Option `RulesFiles`: `;`-separated extra rules files loaded after the
/// bundled rules; read locally (`<check>.RulesFiles`) or globally
/// (`RulesFiles`, shared by all sqlrace checks). Default: empty.
class RaceCheck : public clang::tidy::ClangTidyCheck {
public:
  /// Reads the RulesFiles and IgnoredTables options.
  RaceCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
            project::CheckKind Kind);
  /// Writes the options back (for --dump-config).
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  /// Loads the catalogue and matches the translation unit, or reports a
  /// configuration error and matches nothing.
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  /// Gets the analysis of the main file shared by the enabled sqlrace checks
  /// (running it if this check comes first) and emits this kind's findings.
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  const project::CheckKind Kind;
  /// Every sqlrace kind enabled for this file: the analysis' input.
  const std::vector<project::CheckKind> Enabled;
  /// The RulesFiles option as written.
  const std::string RulesFiles;
  /// The IgnoredTables option as written: ';'-separated table globs whose
  /// findings of this check are dropped (the config's "ignored_tables").
  const std::string IgnoredTables;
  /// Set by registerMatchers when the rules loaded.
  bool RulesLoaded = false;
};

} // namespace sqlrace::checks

#endif
