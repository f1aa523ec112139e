//===- FileAnalysis.cpp - sqlrace -------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "FileAnalysis.h"
#include "Inputs.h"
#include "sqlrace/flow/Isolation.h"
#include "sqlrace/flow/RaceAnalyzer.h"
#include "sqlrace/report/Baseline.h"
#include "sqlrace/report/Fixes.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"

using namespace clang;

namespace sqlrace {

using project::Setup;

namespace {

class Consumer : public ASTConsumer {
public:
  Consumer(RunContext &Run, const Setup &Project, FileResult &Result,
           CompilerInstance &CI, bool &CompileFailed)
      : Run(Run), Project(Project), Result(Result), CI(CI),
        CompileFailed(CompileFailed) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    // Analysing a broken AST only produces noise; the caller reports the
    // compiler's errors and exit status 2.
    if (Ctx.getDiagnostics().hasUncompilableErrorOccurred()) {
      CompileFailed = true;
      return;
    }
    const SourceManager &SM = Ctx.getSourceManager();
    std::vector<report::WordedFinding> Worded;
    std::vector<report::Diagnostic> Diags;
    flow::AnalysisResult Analysis =
        flow::analyseMainFile(Ctx, Project.Rules, Project.Options);
    for (const flow::Remark &R : Analysis.Remarks) {
      report::AnalysisRemark Located = report::resolveRemark(R, SM);
      std::string Line = Located.Pos.File + ":" +
                         std::to_string(Located.Pos.Line) + ":" +
                         std::to_string(Located.Pos.Column) + ": ";
      if (Located.InternalError) {
        // The function's findings are lost; the others stand. Exit 2.
        Result.Status.Ok = false;
        Result.Status.Message =
            "internal error: a function could not be analysed (its "
            "remark says which); the other functions' findings are listed";
        llvm::raw_string_ostream Err(Result.Errors);
        Err << Line;
        llvm::WithColor::error(Err, "", /*DisableColors=*/!Run.ColourErr)
            << report::remarkText(Located) << "\n";
      } else if (Run.TextRemarks) {
        llvm::raw_string_ostream Out(Result.RemarkText);
        Out << Line;
        llvm::WithColor::remark(Out, "", /*DisableColors=*/!Run.ColourOut)
            << report::remarkText(Located) << "\n";
      }
      Result.Status.Remarks.push_back(std::move(Located));
    }
    for (const flow::Finding &F : Analysis.Findings) {
      Worded.push_back(report::wordFinding(F));
      Diags.push_back(report::resolve(Worded.back(), SM, CI.getLangOpts()));
      // Kept, marked, for the formats that list suppressed findings.
      if (report::isSuppressed(Worded.back(), SM))
        Diags.back().Suppressed = report::Suppression::InSource;
    }
    report::makeFingerprintsUnique(Diags);
    report::markKnown(Diags, Run.Baseline);
    for (size_t I = 0; I < Diags.size(); ++I) {
      report::Diagnostic &D = Diags[I];
      std::string Text;
      if (Run.Text && D.Suppressed == report::Suppression::None) {
        llvm::raw_string_ostream OS(Text);
        // Buffered for in-order printing; a string stream takes colours only
        // when asked.
        OS.enable_colors(Run.ColourOut);
        report::printText(Worded[I], SM, CI.getLangOpts(), OS, Run.ColourOut);
      }
      Result.Diags.push_back(std::move(D));
      Result.Rendered.push_back(std::move(Text));
    }
    for (const report::Diagnostic &D : Result.Diags)
      for (const report::Replacement &R : D.Fixes)
        if (!Result.AnalysedHash.count(R.File))
          if (std::optional<StringRef> Bytes = analysedText(SM, R.File))
            Result.AnalysedHash[R.File] = report::contentHash(*Bytes);
  }

private:
  /// The text of File as this translation unit read it.
  static std::optional<StringRef> analysedText(const SourceManager &SM,
                                               StringRef File) {
    OptionalFileEntryRef Entry = SM.getFileManager().getOptionalFileRef(File);
    if (!Entry)
      return std::nullopt;
    FileID ID = SM.translateFile(*Entry);
    if (ID.isInvalid())
      return std::nullopt;
    return SM.getBufferDataOrNone(ID);
  }

  RunContext &Run;
  const Setup &Project;
  FileResult &Result;
  CompilerInstance &CI;
  bool &CompileFailed;
};

class Action : public ASTFrontendAction {
public:
  Action(RunContext &Run, const Setup &Project, FileResult &Result,
         bool &CompileFailed)
      : Run(Run), Project(Project), Result(Result),
        CompileFailed(CompileFailed) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<Consumer>(Run, Project, Result, CI, CompileFailed);
  }

private:
  RunContext &Run;
  const Setup &Project;
  FileResult &Result;
  bool &CompileFailed;
};

class Factory : public tooling::FrontendActionFactory {
public:
  Factory(RunContext &Run, const Setup &Project, FileResult &Result,
          bool &CompileFailed)
      : Run(Run), Project(Project), Result(Result),
        CompileFailed(CompileFailed) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(Run, Project, Result, CompileFailed);
  }

private:
  RunContext &Run;
  const Setup &Project;
  FileResult &Result;
  bool &CompileFailed;
};


} // namespace

void errorLine(llvm::raw_ostream &OS, const llvm::Twine &Message) {
  llvm::WithColor::error(OS, "sqlrace") << Message << "\n";
}

/// Analyses one source file; safe to run on several threads at once.
FileResult analyseFile(const std::string &Source, RunContext &Run) {
  FileResult Result;
  Result.Status = report::FileStatus();
  Result.Status.File = Source;
  llvm::raw_string_ostream Err(Result.Errors);
  Err.enable_colors(Run.ColourErr);
  auto Fail = [&](const std::string &Message, const llvm::Twine &Shown) {
    Result.Status.Ok = false;
    Result.Status.Message = Message;
    errorLine(Err, Shown);
  };
  // Not read here: clang reads it. /dev/zero or a FIFO never reaches clang.
  if (llvm::Error E = checkSourceFile(Source)) {
    std::string Why = llvm::toString(std::move(E));
    Fail("cannot read file: " + Why, "cannot read '" + Source + "': " + Why);
    return Result;
  }
  const Setup *Project = nullptr;
  {
    std::lock_guard<std::mutex> Lock(Run.SetupsLock);
    auto Found = Run.Setups->forFile(Source);
    if (!Found) {
      std::string Message = llvm::toString(Found.takeError());
      Fail(Message, Message);
      return Result;
    }
    Project = *Found;
    if (!Project->Options.Enabled.empty())
      Run.Analysed.try_emplace(Project->Config.File, Project);
  }
  // A config may switch every check off for its part of the tree.
  if (Project->Options.Enabled.empty())
    return Result;
  // ClangTool ends the process when it cannot enter a command's directory.
  if (llvm::Error E = checkCompileDirectories(*Run.DB, Source)) {
    std::string Why = llvm::toString(std::move(E));
    Fail(Why, "'" + Source + "': " + Why);
    return Result;
  }
  // A file system of our own: the real one shares the process's working
  // directory, which each compile command would change under the others.
  tooling::ClangTool Tool(*Run.DB, {Source},
                          std::make_shared<PCHContainerOperations>(),
                          llvm::vfs::createPhysicalFileSystem());
  Tool.setPrintErrorMessage(false);
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> DiagOpts = new DiagnosticOptions();
  DiagOpts->ShowColors = Run.ColourErr;
  TextDiagnosticPrinter Printer(Err, DiagOpts.get());
  Tool.setDiagnosticConsumer(&Printer);
  // Our binary does not live next to clang's headers: point the driver at
  // the resource directory of the Clang we were built with, unless the
  // compile command chose one.
  Tool.appendArgumentsAdjuster(
      [](const tooling::CommandLineArguments &Args, StringRef) {
        for (const std::string &A : Args)
          if (StringRef(A).starts_with("-resource-dir"))
            return Args;
        tooling::CommandLineArguments Out = Args;
        Out.insert(Out.begin() + 1,
                   "-resource-dir=" SQLRACE_CLANG_RESOURCE_DIR);
        return Out;
      });
  bool CompileFailed = false;
  Factory F(Run, *Project, Result, CompileFailed);
  // Isolated as a whole too: a failure in the compiler, or in sqlrace
  // outside a function's analysis, costs this file only.
  int RC = 0;
  std::string What;
  if (!flow::runIsolated([&] { RC = Tool.run(&F); }, What)) {
    Result.Diags.clear();
    Result.Rendered.clear();
    Fail("internal error while analysing the file (please report): " + What,
         "internal error while analysing '" + Source +
             "' (please report): " + What);
    return Result;
  }
  for (const std::string &Misfit : Project->Rules.takeMisfits())
    Fail(Misfit, Misfit);
  if (RC != 0 || CompileFailed)
    Fail("the file does not compile; see the compiler's errors",
         "'" + Source + "' does not compile; no analysis for it");
  return Result;
}


} // namespace sqlrace
