//===- AnalysisCache.cpp - sqlrace ------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "AnalysisCache.h"
#include "sqlrace/flow/RaceAnalyzer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace sqlrace::checks {
namespace {

/// What, besides the TU, decides the analysis' result: the setup (rules,
/// project config, schema, options; setups live as long as the process, so
/// their address identifies them) and the enabled kinds, which settle
/// overlaps between kinds.
using Key = std::pair<const project::Setup *, std::vector<project::CheckKind>>;
using PerContext = std::map<Key, std::unique_ptr<flow::AnalysisResult>>;

struct Cache {
  std::mutex Lock;
  std::map<const clang::ASTContext *, PerContext> Results;
};

Cache &cache() {
  // Never destroyed: an ASTContext may outlive static destruction when a
  // tool exits without freeing it, and its callback must still find this.
  static Cache *C = new Cache;
  return *C;
}

/// Registered with each ASTContext that has results: a later TU may get an
/// ASTContext at the same address, and must not see this one's findings.
void forget(void *Ctx) {
  Cache &C = cache();
  const std::lock_guard<std::mutex> Guard(C.Lock);
  C.Results.erase(static_cast<const clang::ASTContext *>(Ctx));
}

} // namespace

const flow::AnalysisResult &
sharedAnalysis(clang::ASTContext &Ctx, const project::Setup &Project,
               const std::vector<project::CheckKind> &Enabled) {
  Cache &C = cache();
  Key K{&Project, Enabled};
  {
    const std::lock_guard<std::mutex> Guard(C.Lock);
    auto Found = C.Results.find(&Ctx);
    if (Found != C.Results.end()) {
      auto Hit = Found->second.find(K);
      if (Hit != Found->second.end())
        return *Hit->second;
    }
  }
  // Analysed outside the lock: a TU is analysed by one thread (its checks
  // run in turn), and other threads' TUs have other keys.
  if (std::getenv("SQLRACE_DEBUG_ANALYSES")) {
    const clang::SourceManager &SM = Ctx.getSourceManager();
    clang::OptionalFileEntryRef Main =
        SM.getFileEntryRefForID(SM.getMainFileID());
    llvm::errs() << "sqlrace: analysing "
                 << (Main ? Main->getName() : llvm::StringRef("<unknown>"))
                 << " for " << Enabled.size() << " check(s)\n";
  }
  flow::RaceOptions Options = Project.Options;
  Options.Enabled = Enabled;
  auto Result = std::make_unique<flow::AnalysisResult>(
      flow::analyseMainFile(Ctx, Project.Rules, Options));
  const std::lock_guard<std::mutex> Guard(C.Lock);
  auto [PerCtx, NewContext] = C.Results.try_emplace(&Ctx);
  if (NewContext)
    Ctx.AddDeallocation(forget, &Ctx);
  // std::map nodes do not move: the reference outlives later insertions.
  return *PerCtx->second.emplace(std::move(K), std::move(Result)).first->second;
}

} // namespace sqlrace::checks
