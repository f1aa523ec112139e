//===- CatalogueCache.cpp - sqlrace -----------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "CatalogueCache.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
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

namespace {
/// One load attempt: a catalogue, or why there is none.
struct Entry {
  std::unique_ptr<catalogue::Catalogue> Rules;
  std::string Error;
};
} // namespace

llvm::Expected<const catalogue::Catalogue &>
loadRules(const std::vector<std::string> &Extra) {
  // clang-tidy constructs its checks again for every translation unit, and
  // each directory's .clang-tidy may name other rules files: parsing and
  // validating the JSON once per distinct list keeps a project-wide run from
  // re-reading the catalogue per file.
  static std::mutex Lock;
  static llvm::StringMap<Entry> Cache;
  const std::lock_guard<std::mutex> Guard(Lock);

  const std::string Key = llvm::join(Extra, ";");
  auto [It, Inserted] = Cache.try_emplace(Key);
  Entry &E = It->second;
  if (Inserted) {
    std::vector<std::string> Files = catalogue::defaultRulesFiles();
    if (Files.empty()) {
      E.Error = "no bundled sqlrace rules found (looked in $SQLRACE_RULES_DIR "
                "and the rules/ directory sqlrace was built with)";
    } else {
      Files.insert(Files.end(), Extra.begin(), Extra.end());
      auto Loaded = catalogue::Catalogue::load(Files);
      if (Loaded)
        E.Rules = std::make_unique<catalogue::Catalogue>(std::move(*Loaded));
      else
        E.Error = llvm::toString(Loaded.takeError());
    }
  }
  if (!E.Rules)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), E.Error);
  return *E.Rules;
}

llvm::Expected<const Setup *> setupFor(const std::vector<std::string> &Extra,
                                       llvm::StringRef MainFile) {
  static std::mutex Lock;
  static std::map<std::string, std::unique_ptr<ProjectSetups>> Setups;
  const std::lock_guard<std::mutex> Guard(Lock);
  std::unique_ptr<ProjectSetups> &S = Setups[llvm::join(Extra, ";")];
  if (!S) {
    std::vector<std::string> Files = catalogue::defaultRulesFiles();
    Files.insert(Files.end(), Extra.begin(), Extra.end());
    // No --checks or --config here: clang-tidy chooses the checks, and each
    // file finds its own .sqlrace.json.
    S = std::make_unique<ProjectSetups>(Files, std::vector<std::string>{}, "",
                                        "");
  }
  return S->forFile(MainFile);
}

} // namespace sqlrace::checks
