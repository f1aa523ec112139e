//===- ProjectSetup.h - sqlrace -------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// What an analysis needs for one source file: the rules, the project config
// found for it (.sqlrace.json in its directory or a parent, or --config), the
// schema and the analysis options. Loaded once per config. Used alike by the
// CLI (checker/tool) and the clang-tidy checks (checker/checks).
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_PROJECT_PROJECTSETUP_H
#define SQLRACE_PROJECT_PROJECTSETUP_H

#include "sqlrace/catalogue/Catalogue.h"
#include "sqlrace/flow/RaceAnalyzer.h"
#include "sqlrace/schema/Schema.h"
#include "llvm/ADT/Twine.h"
#include <map>
#include <memory>

namespace sqlrace::project {

struct Setup {
  catalogue::Catalogue Rules;
  catalogue::ProjectConfig Config;
  schema::Schema Schema;
  flow::RaceOptions Options;
};

class ProjectSetups {
public:
  /// RulesFiles: bundled + --rules; SchemaPaths: --schema; Checks: --checks;
  /// ForcedConfig: --config (empty: look for .sqlrace.json per file). The
  /// clang-tidy checks give no schema paths, checks or forced config.
  ProjectSetups(std::vector<std::string> RulesFiles,
                std::vector<std::string> SchemaPaths, std::string Checks,
                std::string ForcedConfig)
      : RulesFiles(std::move(RulesFiles)), SchemaPaths(std::move(SchemaPaths)),
        Checks(std::move(Checks)), ForcedConfig(std::move(ForcedConfig)) {}

  /// The setup for a source file; an error names the broken rules, config
  /// or schema file (with line and column where it applies).
  llvm::Expected<const Setup *> forFile(llvm::StringRef Source);
  /// Applies to the setups loaded from now on (--header-filter).
  void setHeaderFilter(std::string Regex) { HeaderFilter = std::move(Regex); }
  /// The setup without any project config (for --list-apis/--list-checks).
  llvm::Expected<const Setup *> withoutConfig() { return load(""); }

private:
  std::vector<std::string> RulesFiles, SchemaPaths;
  std::string Checks, ForcedConfig, HeaderFilter;
  std::map<std::string, std::unique_ptr<Setup>> Loaded;
  std::map<std::string, std::string> Failed;
  llvm::Expected<const Setup *> load(const std::string &ConfigFile);
};

/// "sqlrace: warning: <Message>" on stderr in one write, so that it does
/// not interleave with output printed by other threads. How setups report
/// what is wrong but does not stop the analysis (a schema directory with no
/// *.sql file).
void printWarning(const llvm::Twine &Message);

} // namespace sqlrace::project

#endif
