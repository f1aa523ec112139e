//===- Main.cpp - sqlrace command-line tool ---------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// `sqlrace [options] <files...> [-- <compile flags>]` or `-p <build dir>`,
// with clang-tidy's conventions. Exit status: 0 no finding, 1 findings,
// 2 the tool could not do its job (bad option or rules, a file that does not
// compile or cannot be read).
//===----------------------------------------------------------------------===//
#include "CheckFilter.h"
#include "ProjectSetup.h"
#include "sqlrace/catalogue/Catalogue.h"
#include "sqlrace/flow/RaceAnalyzer.h"
#include "sqlrace/report/Diagnostic.h"
#include "sqlrace/report/Formats.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/WithColor.h"

using namespace clang;
using namespace sqlrace;
namespace cl = llvm::cl;

static cl::OptionCategory Category("sqlrace options");

static cl::opt<std::string> ChecksOpt(
    "checks",
    cl::desc("Comma-separated list of globs with optional '-' prefix, applied\n"
             "in order to the implemented checks, as in clang-tidy.\n"
             "Default: 'sqlrace-*'. Example: '-*,sqlrace-check-then-insert'"),
    cl::init(""), cl::cat(Category));
static cl::opt<bool> ListChecks("list-checks",
                                cl::desc("List the enabled checks and exit."),
                                cl::cat(Category));
enum class OutputFormat { Text, Json, Sarif, CodeClimate };
static cl::opt<OutputFormat> Format(
    "format", cl::desc("Output format:"), cl::init(OutputFormat::Text),
    cl::values(clEnumValN(OutputFormat::Text, "text",
                          "clang-style diagnostics (default)"),
               clEnumValN(OutputFormat::Json, "json",
                          "one JSON document on stdout (docs/output.md)"),
               clEnumValN(OutputFormat::Sarif, "sarif",
                          "SARIF 2.1.0 on stdout, for code scanning"),
               clEnumValN(OutputFormat::CodeClimate, "codeclimate",
                          "GitLab Code Quality issues on stdout")),
    cl::cat(Category));
static cl::opt<std::string> DocsUrl(
    "docs-url",
    cl::desc("Absolute URI of the checks' docs, for SARIF's helpUri\n"
             "(default: " SQLRACE_DOCS_URL ")."),
    cl::init(SQLRACE_DOCS_URL), cl::cat(Category));
static cl::opt<std::string> SourceRoot(
    "sarif-root",
    cl::desc("The directory SARIF (SRCROOT) and Code Climate paths are\n"
             "relative to (default: the current directory)."),
    cl::init(""), cl::cat(Category));
static cl::opt<bool> Quiet("quiet",
                           cl::desc("Do not print the closing summary line."),
                           cl::cat(Category));
static cl::list<std::string>
    RulesFiles("rules",
               cl::desc("An extra rules file (JSON, rules/ schema); may be "
                        "repeated. Loaded after the bundled rules."),
               cl::cat(Category));
static cl::list<std::string> SchemaPaths(
    "schema",
    cl::desc("A DDL file, or a directory of *.sql migrations applied in name\n"
             "order, that declares the database's keys; may be repeated."),
    cl::cat(Category));
static cl::opt<std::string> ConfigOpt(
    "config",
    cl::desc("The project config to use for every file, instead of the\n"
             ".sqlrace.json found in each file's directory or a parent\n"
             "(docs/config.md)."),
    cl::init(""), cl::cat(Category));
static cl::opt<bool> ListApis(
    "list-apis",
    cl::desc("List the database APIs the loaded rules describe, with their\n"
             "dialect and rules file, and exit."),
    cl::cat(Category));
static cl::opt<bool> NoDefaultRules(
    "no-default-rules", cl::desc("Do not load the bundled rules/*.json."),
    cl::cat(Category));

static const char Overview[] =
    "sqlrace finds check-then-act races in database code: an existence check\n"
    "followed by an insert, or a read followed by a write, on one connection\n"
    "with nothing that makes the pair atomic.\n";

namespace {

/// Results gathered over all translation units.
struct RunState {
  const Setup *Current = nullptr; ///< rules, config and options of the file
  bool Colour = false;
  std::vector<report::Diagnostic> Diagnostics;
  bool CompileFailed = false;
};

class Consumer : public ASTConsumer {
public:
  Consumer(RunState &State, CompilerInstance &CI) : State(State), CI(CI) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    // Analysing a broken AST only produces noise; the caller reports the
    // compiler's errors and exit status 2.
    if (Ctx.getDiagnostics().hasUncompilableErrorOccurred()) {
      State.CompileFailed = true;
      return;
    }
    for (const flow::Finding &F :
         flow::findRacesInMainFile(Ctx, State.Current->Rules,
                                   State.Current->Options)) {
      report::WordedFinding W = report::wordFinding(F);
      report::Diagnostic D =
          report::resolve(W, Ctx.getSourceManager(), CI.getLangOpts());
      // Kept, marked, for the formats that list suppressed findings (SARIF).
      if (report::isSuppressed(W, Ctx.getSourceManager())) {
        D.Suppressed = report::Suppression::InSource;
        State.Diagnostics.push_back(std::move(D));
        continue;
      }
      if (Format == OutputFormat::Text)
        report::printText(W, Ctx.getSourceManager(), CI.getLangOpts(),
                          llvm::outs(), State.Colour);
      State.Diagnostics.push_back(std::move(D));
    }
  }

private:
  RunState &State;
  CompilerInstance &CI;
};

class Action : public ASTFrontendAction {
public:
  explicit Action(RunState &State) : State(State) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<Consumer>(State, CI);
  }

private:
  RunState &State;
};

class Factory : public tooling::FrontendActionFactory {
public:
  explicit Factory(RunState &State) : State(State) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(State);
  }

private:
  RunState &State;
};

} // namespace

/// The value of -p (also -p=DIR, --p DIR) before "--", if given.
static std::optional<std::string> buildPathArgument(int argc,
                                                    const char **argv) {
  for (int I = 1; I < argc; ++I) {
    StringRef A = argv[I];
    if (A == "--")
      break;
    if ((A == "-p" || A == "--p") && I + 1 < argc)
      return std::string(argv[I + 1]);
    if (A.consume_front("-p=") || A.consume_front("--p="))
      return A.str();
  }
  return std::nullopt;
}

static int fail(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "sqlrace") << Message << "\n";
  return 2;
}

int main(int argc, const char **argv) {
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "sqlrace version " SQLRACE_VERSION "\n"
       << "  built with LLVM/Clang " LLVM_VERSION_STRING "\n";
  });
  auto Parsed = tooling::CommonOptionsParser::create(argc, argv, Category,
                                                     cl::ZeroOrMore, Overview);
  if (!Parsed)
    return fail(llvm::toString(Parsed.takeError()));

  // SARIF requires an absolute URI (a scheme) for helpUri.
  if (!llvm::Regex("^[A-Za-z][A-Za-z0-9+.-]*:").match(DocsUrl))
    return fail("--docs-url must be an absolute URI (file:///..., https://...)");

  // Reject a malformed --checks before anything else.
  if (auto Enabled = selectChecks(ChecksOpt); !Enabled)
    return fail(llvm::toString(Enabled.takeError()));

  std::vector<std::string> Files;
  if (!NoDefaultRules)
    Files = catalogue::defaultRulesFiles();
  if (Files.empty() && !NoDefaultRules)
    return fail("no bundled rules found (looked in $SQLRACE_RULES_DIR and " SQLRACE_RULES_DIR ")");
  Files.insert(Files.end(), RulesFiles.begin(), RulesFiles.end());
  ProjectSetups Setups(Files,
                       std::vector<std::string>(SchemaPaths.begin(),
                                                SchemaPaths.end()),
                       ChecksOpt, ConfigOpt);

  if (ListChecks || ListApis) {
    // As clang-tidy does with .clang-tidy: the config of the current
    // directory applies.
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    llvm::sys::path::append(Cwd, "-");
    auto Here = Setups.forFile(Cwd);
    if (!Here)
      return fail(llvm::toString(Here.takeError()));
    if (ListChecks) {
      llvm::outs() << "Enabled checks:\n";
      for (flow::CheckKind K : (*Here)->Options.Enabled)
        llvm::outs() << "    " << flow::checkId(K) << "\n";
      llvm::outs() << "\n";
      return 0;
    }
    llvm::outs() << llvm::formatv("{0,-46} {1,-11} {2}\n", "API", "dialect",
                                  "rules file");
    for (const auto &Api : (*Here)->Rules.apis())
      llvm::outs() << llvm::formatv(
          "{0,-46} {1,-11} {2}\n", Api->Library,
          Api->Dialect == sql::Dialect::Unknown
              ? "varies"
              : sql::dialectName(Api->Dialect),
          Api->File);
    return 0;
  }

  std::vector<std::string> Sources = Parsed->getSourcePathList();
  // With no file named, CommonOptionsParser loads no database: do it here,
  // from -p, and take all of its files, as clang-tidy does.
  std::unique_ptr<tooling::CompilationDatabase> OwnDB;
  if (Sources.empty()) {
    std::optional<std::string> BuildDir = buildPathArgument(argc, argv);
    if (!BuildDir)
      return fail("no input files; name source files, or give -p <build "
                  "dir> with a compile_commands.json");
    std::string Error;
    OwnDB = tooling::CompilationDatabase::autoDetectFromDirectory(*BuildDir,
                                                                  Error);
    if (!OwnDB)
      return fail("cannot load a compilation database from '" + *BuildDir +
                  "': " + Error);
    Sources = OwnDB->getAllFiles();
    if (Sources.empty())
      return fail("the compilation database in '" + *BuildDir +
                  "' lists no files");
  }
  tooling::CompilationDatabase &DB =
      OwnDB ? *OwnDB : Parsed->getCompilations();

  RunState State;
  State.Colour = Format == OutputFormat::Text &&
                 llvm::sys::Process::StandardOutHasColors();

  std::vector<report::FileStatus> Statuses;
  for (const std::string &Source : Sources) {
    report::FileStatus Status{Source, true, ""};
    auto Buffer = llvm::MemoryBuffer::getFile(Source);
    if (!Buffer) {
      Status.Ok = false;
      Status.Message = "cannot read file: " + Buffer.getError().message();
      fail("cannot read '" + Source + "': " + Buffer.getError().message());
      Statuses.push_back(Status);
      continue;
    }
    auto Project = Setups.forFile(Source);
    if (!Project) {
      Status.Ok = false;
      Status.Message = llvm::toString(Project.takeError());
      fail(Status.Message);
      Statuses.push_back(Status);
      continue;
    }
    State.Current = *Project;
    tooling::ClangTool Tool(DB, {Source});
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
    State.CompileFailed = false;
    Factory F(State);
    int RC = Tool.run(&F);
    for (const std::string &Misfit : State.Current->Rules.takeMisfits()) {
      fail(Misfit);
      Status.Ok = false;
      Status.Message = Misfit;
    }
    if (RC != 0 || State.CompileFailed) {
      Status.Ok = false;
      Status.Message = "the file does not compile; see the compiler's errors";
      fail("'" + Source + "' does not compile; no analysis for it");
    }
    Statuses.push_back(Status);
  }

  report::makeFingerprintsUnique(State.Diagnostics);
  unsigned Reported = llvm::count_if(
      State.Diagnostics, [](const report::Diagnostic &D) {
        return D.Suppressed == report::Suppression::None;
      });
  if (Format == OutputFormat::Json)
    llvm::outs() << report::toJson(State.Diagnostics, Statuses) << "\n";
  if (Format == OutputFormat::Sarif)
    llvm::outs() << report::toSarif(State.Diagnostics, Statuses,
                                    {SQLRACE_VERSION, DocsUrl, SQLRACE_HOME_URL,
                                     SourceRoot})
                 << "\n";
  if (Format == OutputFormat::CodeClimate)
    llvm::outs() << report::toCodeClimate(State.Diagnostics, SourceRoot)
                 << "\n";
  bool AnyFailed = llvm::any_of(Statuses, [](const report::FileStatus &S) {
    return !S.Ok;
  });
  if (!Quiet) {
    unsigned Failed = llvm::count_if(
        Statuses, [](const report::FileStatus &S) { return !S.Ok; });
    llvm::errs() << Reported << " finding" << (Reported == 1 ? "" : "s")
                 << " in "
                 << Statuses.size() << " file"
                 << (Statuses.size() == 1 ? "" : "s");
    if (Failed)
      llvm::errs() << "; " << Failed << " could not be analysed";
    llvm::errs() << "\n";
  }
  if (AnyFailed)
    return 2;
  return Reported == 0 ? 0 : 1;
}
