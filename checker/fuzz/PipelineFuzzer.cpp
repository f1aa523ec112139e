//===- PipelineFuzzer.cpp - sqlrace fuzzing -------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the whole analysis: the input's bytes choose a C++
// program (Generator.h), Clang parses it in-process from memory with the
// real API headers, and the AST goes through what the sqlrace CLI does with
// it (checker/tool/Main.cpp's Consumer): findRacesInMainFile with the
// bundled rules and every check, wording, NOLINT lookup, resolving to
// positions and fingerprints, clang-style text, JSON and SARIF.
//
// A generated program that does not compile is a generator bug and aborts
// (so the fuzzer also tests the generator); sqlrace's own crashes, assertion
// failures and sanitizer reports abort as they come.
// SQLRACE_FUZZ_PRINT=1 prints each program and its findings (debugging);
// SQLRACE_FUZZ_AVOID=huge,convop leaves out known crashes (Generator.h).
//===----------------------------------------------------------------------===//
#include "Generator.h"
#include "sqlrace/catalogue/Catalogue.h"
#include "sqlrace/flow/Isolation.h"
#include "sqlrace/flow/RaceAnalyzer.h"
#include "sqlrace/report/Diagnostic.h"
#include "sqlrace/report/Formats.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace clang;
using namespace sqlrace;

namespace {

const catalogue::Catalogue *Rules = nullptr;

struct Outcome {
  bool CompileFailed = false;
  unsigned Findings = 0;
  std::string Text, Json, Sarif;
};

class Consumer : public ASTConsumer {
public:
  Consumer(CompilerInstance &CI, const flow::RaceOptions &Options,
           Outcome &Out)
      : CI(CI), Options(Options), Out(Out) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasUncompilableErrorOccurred()) {
      Out.CompileFailed = true;
      return;
    }
    const SourceManager &SM = Ctx.getSourceManager();
    std::vector<report::Diagnostic> Diags;
    llvm::raw_string_ostream OS(Out.Text);
    flow::AnalysisResult Analysis =
        flow::analyseMainFile(Ctx, *Rules, Options);
    for (const flow::Remark &R : Analysis.Remarks)
      if (R.TheKind == flow::Remark::Kind::InternalError) {
        std::fprintf(stderr, "sqlrace fuzz: internal error in '%s': %s\n",
                     R.Function.c_str(), R.Message.c_str());
        std::abort();
      }
    for (const flow::Finding &F : Analysis.Findings) {
      report::WordedFinding W = report::wordFinding(F);
      Diags.push_back(report::resolve(W, SM, CI.getLangOpts()));
      if (report::isSuppressed(W, SM))
        Diags.back().Suppressed = report::Suppression::InSource;
      report::printText(W, SM, CI.getLangOpts(), OS, /*Colour=*/false);
    }
    report::makeFingerprintsUnique(Diags);
    Out.Findings = unsigned(Diags.size());
    std::vector<report::FileStatus> Files = {{"generated.cpp", true, ""}};
    Out.Json = report::toJson(Diags, Files);
    report::SarifOptions Sarif;
    Sarif.DocsUrl = "file:///docs/checks/";
    Sarif.InformationUrl = "file:///README.md";
    Out.Sarif = report::toSarif(Diags, Files, Sarif);
  }

private:
  CompilerInstance &CI;
  const flow::RaceOptions &Options;
  Outcome &Out;
};

class Action : public ASTFrontendAction {
public:
  Action(const flow::RaceOptions &Options, Outcome &Out)
      : Options(Options), Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<Consumer>(CI, Options, Out);
  }

private:
  const flow::RaceOptions &Options;
  Outcome &Out;
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  // A failure must reach the sanitizer and libFuzzer with its own stack,
  // not become an "internal error" remark.
  flow::disableIsolation();
  auto Loaded = catalogue::Catalogue::load(catalogue::defaultRulesFiles());
  if (!Loaded) {
    std::fprintf(stderr, "sqlrace fuzz: cannot load the bundled rules: %s\n",
                 llvm::toString(Loaded.takeError()).c_str());
    std::abort();
  }
  Rules = new catalogue::Catalogue(std::move(*Loaded));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const fuzz::Limits Limits = fuzz::limitsFromEnvironment();
  fuzz::Program P = fuzz::generateProgram(Data, Size, Limits);
  flow::RaceOptions Options;
  // The last byte also decides whether a check ignores tables, as a
  // project's "ignored_tables" does, so that filter is exercised too.
  if (Size > 0 && Data[Size - 1] % 4 == 0)
  {
    Options.IgnoredTables[project::CheckKind::CheckThenInsert] = {"coup*"};
    Options.IgnoredTables[project::CheckKind::ReadModifyWrite] = {
        "[a-c]ccount?"};
  }
  std::vector<std::string> Args = P.Flags;
  Args.push_back("-resource-dir=" SQLRACE_CLANG_RESOURCE_DIR);
  Outcome Out;
  bool Ran = tooling::runToolOnCodeWithArgs(
      std::make_unique<Action>(Options, Out), P.Text, Args, "generated.cpp",
      "sqlrace-pipeline-fuzzer");
  static const bool Print = std::getenv("SQLRACE_FUZZ_PRINT") != nullptr;
  if (Print)
    std::fprintf(stderr, "%s\n--- %u finding(s)\n%s\n", P.Text.c_str(),
                 Out.Findings, Out.Text.c_str());
  if (!Ran || Out.CompileFailed) {
    std::fprintf(stderr,
                 "sqlrace fuzz: the generator made a program that does not "
                 "compile (%s); sqlrace_gen_cpp --bytes <input> writes it\n",
                 fuzz::apiName(P.Which));
    std::abort();
  }
  return 0;
}
