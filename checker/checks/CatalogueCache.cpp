//===- CatalogueCache.cpp - sqlrace -----------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "CatalogueCache.h"
#include "llvm/ADT/StringExtras.h"
#include <map>
#include <memory>
#include <mutex>

namespace sqlrace::checks {

std::vector<std::string> splitList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Value.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Files;
  for (llvm::StringRef P : Parts)
    if (!P.trim().empty())
      Files.push_back(P.trim().str());
  return Files;
}

// clang-tidy constructs its checks again for every translation unit, and
// each directory's .clang-tidy may name other rules files: one set of
// project setups per distinct list keeps a project-wide run from parsing
// and validating the JSON again for every file. Calls hold the lock, since
// ProjectSetups caches as it goes.
template <typename Use>
static llvm::Expected<const project::Setup *>
withSetups(const std::vector<std::string> &Extra, Use Get) {
  static std::mutex Lock;
  static std::map<std::string, std::unique_ptr<project::ProjectSetups>> Setups;
  const std::lock_guard<std::mutex> Guard(Lock);
  std::unique_ptr<project::ProjectSetups> &S = Setups[llvm::join(Extra, ";")];
  if (!S) {
    std::vector<std::string> Files = catalogue::defaultRulesFiles();
    if (Files.empty())
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "no bundled sqlrace rules found (looked in $SQLRACE_RULES_DIR and "
          "the rules/ directory sqlrace was built with)");
    Files.insert(Files.end(), Extra.begin(), Extra.end());
    // No --checks or --config here: clang-tidy chooses the checks, and each
    // file finds its own .sqlrace.json.
    S = std::make_unique<project::ProjectSetups>(
        Files, std::vector<std::string>{}, "", "");
  }
  return Get(*S);
}

llvm::Expected<const project::Setup *>
setupWithoutConfig(const std::vector<std::string> &Extra) {
  return withSetups(
      Extra, [](project::ProjectSetups &S) { return S.withoutConfig(); });
}

llvm::Expected<const project::Setup *>
setupFor(const std::vector<std::string> &Extra, llvm::StringRef MainFile) {
  return withSetups(
      Extra, [&](project::ProjectSetups &S) { return S.forFile(MainFile); });
}

} // namespace sqlrace::checks
