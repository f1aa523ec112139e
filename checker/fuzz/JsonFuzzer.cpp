//===- JsonFuzzer.cpp - sqlrace fuzzing -----------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for sqlrace's JSON inputs. The first byte picks the
// loader, the rest is the file's text:
//   0 a rules file alone (Catalogue::loadText)
//   1 a rules file after the bundled rules (duplicates, cross-file checks)
//   2 a project config, .sqlrace.json (Catalogue::loadConfigText), then its
//     "checks" through the check filter (sqlrace/project/CheckFilter.h)
//   3 a --baseline file (report::loadBaselineText, sqlrace/report/Baseline.h)
// Loaders must return an error, never crash, throw or hang.
//===----------------------------------------------------------------------===//
#include "sqlrace/catalogue/Catalogue.h"
#include "sqlrace/project/CheckFilter.h"
#include "sqlrace/report/Baseline.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <cstdint>
#include <set>
#include <string>

using namespace sqlrace;

namespace {

std::vector<std::pair<std::string, std::string>> *Bundled = nullptr;

void consume(llvm::Expected<catalogue::Catalogue> Loaded) {
  if (!Loaded)
    llvm::consumeError(Loaded.takeError());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  Bundled = new std::vector<std::pair<std::string, std::string>>();
  for (const std::string &File : catalogue::defaultRulesFiles()) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (Buffer)
      Bundled->emplace_back(File, (*Buffer)->getBuffer().str());
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  std::string Text(reinterpret_cast<const char *>(Data) + 1, Size - 1);
  switch (Data[0] % 4) {
  case 0:
    consume(catalogue::Catalogue::loadText({{"fuzz.json", Text}}));
    break;
  case 1: {
    auto Texts = *Bundled;
    Texts.emplace_back("fuzz.json", Text);
    consume(catalogue::Catalogue::loadText(Texts));
    break;
  }
  case 2: {
    catalogue::ProjectConfig Config;
    auto Loaded =
        catalogue::Catalogue::loadConfigText("/fuzz/.sqlrace.json", Text, Config);
    if (!Loaded) {
      llvm::consumeError(Loaded.takeError());
      break;
    }
    auto Enabled = project::selectChecks(Config.Checks);
    if (!Enabled)
      llvm::consumeError(Enabled.takeError());
    break;
  }
  case 3:
    if (auto Known = report::loadBaselineText("fuzz-baseline.json", Text);
        !Known)
      llvm::consumeError(Known.takeError());
    break;
  }
  return 0;
}
