//===- ProjectSetup.cpp - sqlrace -------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "sqlrace/project/ProjectSetup.h"
#include "sqlrace/project/CheckFilter.h"
#include "sqlrace/project/SchemaInputs.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace sqlrace::project {

void printWarning(const llvm::Twine &Message) {
  llvm::errs() << ("sqlrace: warning: " + Message + "\n").str();
}

llvm::Expected<const Setup *> ProjectSetups::forFile(llvm::StringRef Source) {
  std::string Config = ForcedConfig;
  if (Config.empty())
    Config = catalogue::Catalogue::findConfig(llvm::sys::path::parent_path(Source));
  return load(Config);
}

llvm::Expected<const Setup *> ProjectSetups::load(const std::string &ConfigFile) {
  if (auto It = Loaded.find(ConfigFile); It != Loaded.end())
    return It->second.get();
  // A broken config is reported once, then each file that uses it fails
  // with the same message.
  if (auto It = Failed.find(ConfigFile); It != Failed.end())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   It->second);
  auto Fail = [&](llvm::Error E) -> llvm::Expected<const Setup *> {
    std::string Message = llvm::toString(std::move(E));
    Failed[ConfigFile] = Message;
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
  };
  catalogue::ProjectConfig Config;
  auto Rules = catalogue::Catalogue::load(RulesFiles, ConfigFile, Config);
  if (!Rules)
    return Fail(Rules.takeError());
  // --schema was checked once for the run; the config's own paths here.
  std::vector<std::string> Warnings;
  if (llvm::Error E = checkSchemaPaths(Config.SchemaPaths,
                                       ConfigFile + ": schema", Config.Dialect,
                                       Warnings))
    return Fail(std::move(E));
  for (const std::string &W : Warnings)
    printWarning(W);
  std::vector<std::string> Paths = SchemaPaths;
  Paths.insert(Paths.end(), Config.SchemaPaths.begin(), Config.SchemaPaths.end());
  auto Schema = schema::Schema::load(Paths, Config.Dialect);
  if (!Schema)
    return Fail(Schema.takeError());
  // The config's checks first, the command line's after: the command line
  // has the last word, as with .clang-tidy files.
  std::string Spec = Config.Checks;
  if (!Checks.empty())
    Spec = Spec.empty() ? Checks : Spec + "," + Checks;
  auto Enabled = selectChecks(Spec);
  if (!Enabled)
    return Fail(Enabled.takeError());

  auto S = std::make_unique<Setup>(
      Setup{std::move(*Rules), std::move(Config), std::move(*Schema), {}});
  S->Options.Enabled = *Enabled;
  S->Options.BaseSchema = &S->Schema;
  S->Options.Registries = S->Config.Registries;
  S->Options.DefaultDialect = S->Config.Dialect;
  S->Options.HeaderFilter = HeaderFilter;
  for (CheckKind K : allChecks())
    if (auto It = S->Config.PerCheck.find(checkId(K).str());
        It != S->Config.PerCheck.end())
      S->Options.IgnoredTables[K] = It->second.IgnoredTables;
  const Setup *Result = S.get();
  Loaded[ConfigFile] = std::move(S);
  return Result;
}

} // namespace sqlrace::project
