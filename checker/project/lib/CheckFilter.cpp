//===- CheckFilter.cpp - sqlrace --------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "sqlrace/project/CheckFilter.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/GlobPattern.h"

namespace sqlrace::project {

llvm::Expected<std::vector<CheckKind>>
selectChecks(llvm::StringRef Spec) {
  std::vector<bool> On(allChecks().size(), false);
  llvm::SmallVector<llvm::StringRef, 8> Globs;
  std::string Full = Spec.empty() ? "sqlrace-*" : "sqlrace-*," + Spec.str();
  llvm::StringRef(Full).split(Globs, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef G : Globs) {
    G = G.trim();
    if (G.empty())
      continue;
    bool Remove = G.consume_front("-");
    auto Pattern = llvm::GlobPattern::create(G);
    if (!Pattern)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "invalid glob '%s' in --checks: %s",
                                     G.str().c_str(),
                                     llvm::toString(Pattern.takeError()).c_str());
    for (size_t I = 0; I < On.size(); ++I)
      if (Pattern->match(checkId(allChecks()[I])))
        On[I] = !Remove;
  }
  std::vector<CheckKind> Out;
  for (size_t I = 0; I < On.size(); ++I)
    if (On[I])
      Out.push_back(allChecks()[I]);
  return Out;
}

} // namespace sqlrace::project
