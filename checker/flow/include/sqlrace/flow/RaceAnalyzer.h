//===- RaceAnalyzer.h - sqlrace -------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The one entry point of the flow analysis, shared by the CLI and the
// clang-tidy plugin.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_RACEANALYZER_H
#define SQLRACE_FLOW_RACEANALYZER_H

#include "sqlrace/catalogue/Catalogue.h"
#include "sqlrace/flow/Finding.h"
#include "sqlrace/schema/Schema.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace sqlrace::flow {

// The schema layer's types, named without qualification in flow's sources
// (as clang/Basic/LLVM.h brings llvm's types into namespace clang).
using schema::DeclaredKey;
using schema::Schema;

/// Options of the analysis.
struct RaceOptions {
  /// Which checks to run (the others produce no findings).
  std::vector<CheckKind> Enabled = {project::allChecks().begin(),
                                    project::allChecks().end()};
  /// Keys known before the code is read (--schema); DDL the code runs is
  /// added per translation unit. Not owned; may be null.
  const schema::Schema *BaseSchema = nullptr;
  /// Qualified names of statement-registry maps (.sqlrace.json).
  std::vector<std::string> Registries;
  /// The dialect of APIs whose rules do not fix one (ODBC, Qt), from the
  /// project config.
  sql::Dialect DefaultDialect = sql::Dialect::Unknown;
  /// Functions defined in headers whose path matches this regular
  /// expression are analysed too (clang-tidy's --header-filter); empty: the
  /// main file only. System headers never are.
  std::string HeaderFilter;
  /// Per check: globs of table names (case-insensitive) whose findings are
  /// dropped (the "ignored_tables" option).
  std::map<CheckKind, std::vector<std::string>> IgnoredTables;
};

class TranslationUnitFacts;
class ApiModel;

/// Analyses the functions of one translation unit. Facts that span the TU
/// (statements registered by name, for instance) are gathered once.
class RaceAnalyzer {
public:
  RaceAnalyzer(clang::ASTContext &Ctx, const catalogue::Catalogue &Rules,
               RaceOptions Options);
  ~RaceAnalyzer();

  /// Findings in one function body (empty if it has none or no CFG).
  std::vector<Finding> findRaces(const clang::FunctionDecl &F);
  /// Called after findRaces() failed and was abandoned (Isolation.h), so
  /// that what it left half-done does not affect the next function.
  void recoverFromFailure();

private:
  clang::ASTContext &Ctx;
  const catalogue::Catalogue &Rules;
  RaceOptions Options;
  std::unique_ptr<TranslationUnitFacts> TU;
  /// Tells functions that may reach a database from the others.
  std::unique_ptr<ApiModel> Probe;
};

/// Analyses every function with a body in the main file of Ctx (and in
/// headers matching Options.HeaderFilter), in source order. A function
/// template is analysed once, through its first instantiation. Each
/// function's analysis is isolated (Isolation.h): an internal failure costs
/// that function only and becomes an InternalError remark; limits reached
/// become Limit remarks. Runs on a thread with a large stack.
AnalysisResult analyseMainFile(clang::ASTContext &Ctx,
                               const catalogue::Catalogue &Rules,
                               const RaceOptions &Options);

/// Whether Table matches one of Globs (llvm::GlobPattern syntax), ignoring
/// case: the test RaceOptions::IgnoredTables applies to each finding.
bool tableMatchesAny(llvm::StringRef Table,
                     const std::vector<std::string> &Globs);

/// The findings of analyseMainFile(), without its remarks (unit tests).
std::vector<Finding> findRacesInMainFile(clang::ASTContext &Ctx,
                                         const catalogue::Catalogue &Rules,
                                         const RaceOptions &Options);

} // namespace sqlrace::flow

#endif
