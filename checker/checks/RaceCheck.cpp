//===- RaceCheck.cpp - sqlrace ----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// A thin adapter: match the translation unit, get the flow analysis shared by
// the enabled sqlrace checks (AnalysisCache.h), and turn each finding of this
// check's kind into diag() calls. No analysis logic lives here.
//===----------------------------------------------------------------------===//
#include "RaceCheck.h"
#include "AnalysisCache.h"
#include "CatalogueCache.h"
#include "sqlrace/flow/RaceAnalyzer.h"
#include "sqlrace/report/Diagnostic.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace sqlrace::checks {

static constexpr llvm::StringLiteral TranslationUnitId = "translation-unit";
static constexpr llvm::StringLiteral RulesFilesOption = "RulesFiles";
static constexpr llvm::StringLiteral IgnoredTablesOption = "IgnoredTables";

/// The sqlrace checks enabled for the current file, Own included.
static std::vector<project::CheckKind>
enabledKinds(const tidy::ClangTidyContext &Context, project::CheckKind Own) {
  std::vector<project::CheckKind> Kinds;
  for (project::CheckKind K : project::allChecks())
    if (K == Own || Context.isCheckEnabled(project::checkId(K)))
      Kinds.push_back(K);
  return Kinds;
}

RaceCheck::RaceCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context,
                     project::CheckKind Kind)
    : ClangTidyCheck(Name, Context), Kind(Kind),
      // The analysis settles overlaps between kinds (an UPDATE reported as
      // read-modify-write is not also a check-then-update), so it must see
      // every enabled sqlrace check, as the CLI's does for the same --checks;
      // this check then emits its own kind only.
      Enabled(enabledKinds(*Context, Kind)),
      // Global too: one wrapper catalogue usually serves every sqlrace check.
      RulesFiles(Options.getLocalOrGlobal(RulesFilesOption, "")),
      IgnoredTables(Options.get(IgnoredTablesOption, "")) {}

void RaceCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, RulesFilesOption, RulesFiles);
  Options.store(Opts, IgnoredTablesOption, IgnoredTables);
}

void RaceCheck::registerMatchers(MatchFinder *Finder) {
  // Loaded here rather than in the constructor: clang-tidy also constructs
  // checks for --dump-config, which needs no catalogue.
  auto Loaded = setupWithoutConfig(splitList(RulesFiles));
  if (!Loaded) {
    // A half-loaded catalogue would silently miss races, so nothing is
    // analysed; the loader's message names the file, line and column.
    // The same text from every sqlrace check, so clang-tidy prints it once.
    configurationDiag("cannot load the sqlrace rules (option %0): %1",
                      DiagnosticIDs::Error)
        << RulesFilesOption << llvm::toString(Loaded.takeError());
    return;
  }
  RulesLoaded = true;
  // The whole translation unit, not each function: the analysis gathers
  // facts that span the TU (statements prepared under a name elsewhere) and
  // chooses the functions itself (main file, lambdas, no template
  // instantiations) exactly as the CLI does.
  Finder->addMatcher(translationUnitDecl().bind(TranslationUnitId), this);
}

void RaceCheck::check(const MatchFinder::MatchResult &Result) {
  if (!RulesLoaded ||
      !Result.Nodes.getNodeAs<TranslationUnitDecl>(TranslationUnitId))
    return;
  ASTContext &Ctx = *Result.Context;
  // A broken AST only produces noise (and negative tests that pass
  // vacuously); clang-tidy already prints the compiler's errors.
  if (Ctx.getDiagnostics().hasUncompilableErrorOccurred())
    return;

  const SourceManager &SM = *Result.SourceManager;
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  if (!Main)
    return;
  // The project config (.sqlrace.json) of the file, as the CLI finds it.
  auto Project = setupFor(splitList(RulesFiles), Main->getName());
  if (!Project) {
    configurationDiag("cannot load the sqlrace project setup: %0",
                      DiagnosticIDs::Error)
        << llvm::toString(Project.takeError());
    return;
  }
  // clang-tidy's choice, narrowed by the config's "checks".
  std::vector<project::CheckKind> Both;
  for (project::CheckKind K : Enabled)
    if (llvm::is_contained((*Project)->Options.Enabled, K))
      Both.push_back(K);
  if (!llvm::is_contained(Both, Kind))
    return;
  // Every check of this TU with the same rules files and enabled set gets
  // the same analysis: the first one to get here runs it for all of them.
  const flow::AnalysisResult &Analysis =
      sharedAnalysis(Ctx, **Project, Both);
  // This check's IgnoredTables only drops findings (as the config's
  // "ignored_tables", which the shared analysis applied already), so it is
  // applied here rather than making the analysis differ per check.
  const std::vector<std::string> Ignored = splitList(IgnoredTables);
  // Functions not (fully) analysed are told once, by the first enabled
  // sqlrace check: an internal error as an error, a limit as a remark.
  if (Kind == Both.front())
    for (const flow::Remark &R : Analysis.Remarks) {
      report::AnalysisRemark Located = report::resolveRemark(R, SM);
      diag(SM.getExpansionLoc(R.Loc), "%0",
           Located.InternalError ? DiagnosticIDs::Error : DiagnosticIDs::Remark)
          << report::remarkText(Located);
    }
  for (const flow::Finding &F : Analysis.Findings) {
    if (F.Check != Kind ||
        (!Ignored.empty() && flow::tableMatchesAny(F.Table, Ignored)))
      continue;
    const report::WordedFinding W = report::wordFinding(F);
    // Expansion locations, as report::resolve gives the CLI: for code in a
    // macro both point at the macro's use, not into its definition.
    {
      auto Builder = diag(SM.getExpansionLoc(W.Loc), "%0") << W.Message;
      for (const flow::FixEdit &E : W.Fix)
        Builder << FixItHint::CreateReplacement(E.Range, E.Text);
    }
    for (const report::WordedNote &N : W.Notes)
      diag(SM.getExpansionLoc(N.Loc), "%0", DiagnosticIDs::Note) << N.Message;
  }
}

} // namespace sqlrace::checks
