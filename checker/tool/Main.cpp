//===- Main.cpp - sqlrace command-line tool ---------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// `sqlrace [options] <files...> [-- <compile flags>]` or `-p <build dir>`,
// with clang-tidy's conventions. Exit status: 0 no finding, 1 findings,
// 2 the tool could not do its job (bad option or rules, a file that does not
// compile or cannot be read).
//===----------------------------------------------------------------------===//
#include "Inputs.h"
#include "StreamedOutput.h"
#include "sqlrace/catalogue/Catalogue.h"
#include "sqlrace/flow/Isolation.h"
#include "sqlrace/flow/RaceAnalyzer.h"
#include "sqlrace/project/CheckFilter.h"
#include "sqlrace/project/ProjectSetup.h"
#include "sqlrace/project/SchemaInputs.h"
#include "sqlrace/report/Baseline.h"
#include "sqlrace/report/Diagnostic.h"
#include "sqlrace/report/ExportFixes.h"
#include "sqlrace/report/Fixes.h"
#include "sqlrace/report/Formats.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace clang;
using namespace sqlrace;
using project::printWarning;
using project::ProjectSetups;
using project::Setup;
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
static cl::opt<bool> Fix(
    "fix",
    cl::desc("Apply the fix-its of the reported findings to the sources,\n"
             "each file as soon as it is reported, only if its bytes are\n"
             "still those analysed; never half-written, mode, owner and\n"
             "links kept, read-only files refused (docs/reliability.md)."),
    cl::cat(Category));
static cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the reported findings and their fix-its to this YAML\n"
             "file in clang-tidy's format (for clang-apply-replacements)."),
    cl::value_desc("filename"), cl::init(""), cl::cat(Category));
static cl::opt<std::string> BaselineOpt(
    "baseline",
    cl::desc("Findings listed in this file (by fingerprint) are known and\n"
             "not reported; only new ones count."),
    cl::value_desc("filename"), cl::init(""), cl::cat(Category));
static cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Write every reported finding to this baseline file and exit\n"
             "with status 0 unless a file could not be analysed."),
    cl::value_desc("filename"), cl::init(""), cl::cat(Category));
static cl::opt<unsigned> Jobs(
    "j",
    cl::desc("Analyse this many files in parallel (0: one per core).\n"
             "Output stays in input order. Default: 1."),
    cl::init(1), cl::cat(Category));
static cl::opt<std::string> Shard(
    "shard",
    cl::desc("Analyse only shard I of N (1-based) of the files, for CI\n"
             "matrices: the sorted file list is dealt round-robin."),
    cl::value_desc("I/N"), cl::init(""), cl::cat(Category));
static cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression: also analyse functions defined in headers\n"
             "whose path matches (as clang-tidy's --header-filter); each\n"
             "finding is reported once however many files include it."),
    cl::init(""), cl::cat(Category));
static cl::opt<cl::boolOrDefault> UseColor(
    "use-color",
    cl::desc("Colour the diagnostics (--use-color=false: never). Default:\n"
             "only when the output is a terminal, as in clang-tidy."),
    cl::cat(Category));
static cl::opt<bool> Remarks(
    "remarks",
    cl::desc("Also print a remark for each function that was not fully\n"
             "analysed because a limit was reached (JSON and SARIF always\n"
             "list them)."),
    cl::init(false), cl::cat(Category));
static cl::opt<bool> Progress(
    "progress",
    cl::desc("Show a progress line on standard error (default: when it is a\n"
             "capable terminal and more than one file is analysed)."),
    cl::init(false), cl::cat(Category));

static const char Overview[] =
    "sqlrace finds check-then-act races in database code: an existence check\n"
    "followed by an insert, or a read followed by a write, on one connection\n"
    "with nothing that makes the pair atomic.\n";

namespace {

/// What one source file produced. Files are analysed on worker threads and
/// their results printed in input order by the main thread, so outputs never
/// interleave.
struct FileResult {
  report::FileStatus Status;
  std::string Errors; ///< the compiler's and sqlrace's messages (stderr)
  /// Findings in the order found, each with its clang-style rendering
  /// (empty unless the text format is on).
  std::vector<report::Diagnostic> Diags;
  std::vector<std::string> Rendered;
  /// --remarks in the text format: the limits reached, printed after the
  /// findings.
  std::string RemarkText;
  /// The contentHash of the analysed text of each file a fix edits, so
  /// --fix writes only over those bytes.
  std::map<std::string, std::string> AnalysedHash;
};

/// Read-only during the analysis, apart from the locked setup cache.
struct RunContext {
  tooling::CompilationDatabase *DB = nullptr;
  ProjectSetups *Setups = nullptr;
  std::mutex SetupsLock;
  std::set<std::string> Baseline;
  bool ColourOut = false, ColourErr = false;
};

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
      } else if (Remarks && Format == OutputFormat::Text) {
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
      if (Format == OutputFormat::Text &&
          D.Suppressed == report::Suppression::None) {
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

/// "sqlrace: error: <Message>" into OS, coloured as llvm::WithColor does.
static void errorLine(llvm::raw_ostream &OS, const llvm::Twine &Message) {
  llvm::WithColor::error(OS, "sqlrace") << Message << "\n";
}

/// Analyses one source file; safe to run on several threads at once.
static FileResult analyseFile(const std::string &Source, RunContext &Run) {
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

/// --shard=I/N: "2/5" -> {2, 5}.
static std::optional<std::pair<unsigned, unsigned>> parseShard(StringRef S) {
  auto [A, B] = S.split('/');
  unsigned I = 0, N = 0;
  if (A.getAsInteger(10, I) || B.getAsInteger(10, N) || N == 0 || I == 0 ||
      I > N)
    return std::nullopt;
  return std::make_pair(I, N);
}

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

/// --extra-arg-before and --extra-arg, which CommonOptionsParser declares
/// but applies only to the database it loads itself.
static tooling::ArgumentsAdjuster extraArgumentsAdjuster() {
  auto Values = [](const char *Name) {
    std::vector<std::string> Out;
    if (cl::Option *O = cl::getRegisteredOptions().lookup(Name))
      for (const std::string &V : *static_cast<cl::list<std::string> *>(O))
        Out.push_back(V);
    return Out;
  };
  return tooling::combineAdjusters(
      tooling::getInsertArgumentAdjuster(
          Values("extra-arg-before"), tooling::ArgumentInsertPosition::BEGIN),
      tooling::getInsertArgumentAdjuster(Values("extra-arg"),
                                         tooling::ArgumentInsertPosition::END));
}

static int fail(const llvm::Twine &Message) {
  errorLine(llvm::errs(), Message);
  return 2;
}

int main(int argc, const char **argv) {
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "sqlrace version " SQLRACE_VERSION "\n"
       << "  built with LLVM/Clang " LLVM_VERSION_STRING "\n";
  });
  // CommonOptionsParser would load the compilation database itself and,
  // when it is broken, only say that none was found and run without flags:
  // it gets an empty "--" and the database is loaded and checked below.
  std::vector<const char *> Args(argv, argv + argc);
  bool FlagsGiven = llvm::is_contained(Args, llvm::StringRef("--"));
  if (!FlagsGiven)
    Args.push_back("--");
  int ArgCount = static_cast<int>(Args.size());
  auto Parsed = tooling::CommonOptionsParser::create(
      ArgCount, Args.data(), Category, cl::ZeroOrMore, Overview);
  if (!Parsed)
    return fail(llvm::toString(Parsed.takeError()));

  // SARIF requires an absolute URI (a scheme) for helpUri.
  if (!llvm::Regex("^[A-Za-z][A-Za-z0-9+.-]*:").match(DocsUrl))
    return fail("--docs-url must be an absolute URI (file:///..., https://...)");

  // Reject a malformed --checks before anything else.
  if (auto Enabled = project::selectChecks(ChecksOpt); !Enabled)
    return fail(llvm::toString(Enabled.takeError()));
  else if (Enabled->empty()) // as clang-tidy; a config cannot undo it
    return fail("no checks enabled.");
  {
    std::vector<std::string> Warnings;
    if (llvm::Error E = project::checkSchemaPaths(
            std::vector<std::string>(SchemaPaths.begin(), SchemaPaths.end()),
            "--schema", sql::Dialect::Unknown, Warnings))
      return fail(llvm::toString(std::move(E)));
    for (const std::string &W : Warnings)
      printWarning(W);
  }

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
      for (project::CheckKind K : (*Here)->Options.Enabled)
        llvm::outs() << "    " << project::checkId(K) << "\n";
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
  // Without "--": the database of -p, or the nearest to the first file, with
  // its problems reported (Inputs.h); with no file named, all of its files,
  // as clang-tidy does.
  std::unique_ptr<tooling::CompilationDatabase> OwnDB;
  bool BadCompileCommands = false;
  if (!FlagsGiven || Sources.empty()) {
    std::optional<std::string> BuildDir = buildPathArgument(argc, argv);
    std::vector<std::string> Skipped;
    bool NotFound = false;
    auto Found = findCompilations(BuildDir, Sources, Skipped, NotFound);
    if (!Found)
      return fail(llvm::toString(Found.takeError()));
    for (const std::string &S : Skipped)
      errorLine(llvm::errs(), S);
    BadCompileCommands = !Skipped.empty();
    if (NotFound)
      printWarning("no compilation database (compile_commands.json or "
                   "compile_flags.txt) in the directory of '" +
                   Sources.front() +
                   "' or a parent; running without flags (add -- <flags>)");
    auto Adjusted = std::make_unique<tooling::ArgumentsAdjustingCompilations>(
        std::move(*Found));
    Adjusted->appendArgumentsAdjuster(extraArgumentsAdjuster());
    OwnDB = std::move(Adjusted);
    if (Sources.empty())
      Sources = OwnDB->getAllFiles();
    if (Sources.empty())
      return fail("the compilation database in '" + BuildDir.value_or("") +
                  "' lists no files");
  }
  if (!Shard.empty()) {
    auto Parsed = parseShard(Shard);
    if (!Parsed)
      return fail("--shard wants I/N with 1 <= I <= N, got '" + Shard + "'");
    llvm::sort(Sources);
    std::vector<std::string> Mine;
    for (size_t K = 0; K < Sources.size(); ++K)
      if (K % Parsed->second == Parsed->first - 1)
        Mine.push_back(Sources[K]);
    Sources = std::move(Mine);
  }
  if (!HeaderFilter.empty()) {
    std::string Why;
    if (!llvm::Regex(HeaderFilter).isValid(Why))
      return fail("--header-filter: invalid regular expression '" +
                  HeaderFilter + "': " + Why);
    Setups.setHeaderFilter(HeaderFilter);
  }

  RunContext Run;
  Run.DB = OwnDB ? OwnDB.get() : &Parsed->getCompilations();
  Run.Setups = &Setups;
  auto Colour = [](bool Terminal) {
    return UseColor == cl::BOU_UNSET ? Terminal : UseColor == cl::BOU_TRUE;
  };
  Run.ColourOut = Format == OutputFormat::Text &&
                  Colour(llvm::sys::Process::StandardOutHasColors());
  Run.ColourErr = Colour(llvm::sys::Process::StandardErrHasColors());
  if (!BaselineOpt.empty()) {
    auto Known = report::loadBaseline(BaselineOpt);
    if (!Known)
      return fail(llvm::toString(Known.takeError()));
    Run.Baseline = std::move(*Known);
  }

  // Workers take the next file; the main thread prints results in input
  // order as soon as each is complete.
  size_t N = Sources.size();
  unsigned Threads = Jobs == 0 ? std::max(1u, std::thread::hardware_concurrency())
                               : static_cast<unsigned>(Jobs);
  Threads = std::min<size_t>(Threads, std::max<size_t>(N, 1));
  std::vector<std::optional<FileResult>> Results(N);
  std::mutex ResultsLock;
  std::condition_variable Done;
  std::atomic<size_t> Next{0};
  auto Work = [&] {
    for (size_t I = Next++; I < N; I = Next++) {
      FileResult R = analyseFile(Sources[I], Run);
      std::lock_guard<std::mutex> Lock(ResultsLock);
      Results[I] = std::move(R);
      Done.notify_all();
    }
  };
  // With one job the main thread analyses each file itself just before
  // printing it (so a file's output never waits for the next file); with
  // more, workers analyse and the main thread only prints.
  std::vector<std::thread> Pool;
  if (Threads > 1)
    for (unsigned T = 0; T < Threads; ++T)
      Pool.emplace_back(Work);

  // Only on a terminal that understands "erase line" (not TERM=dumb, as in
  // an editor's compilation buffer), unless asked for.
  bool ShowProgress = !Quiet && N > 1 &&
                      (Progress || llvm::sys::Process::StandardErrHasColors());
  auto ClearProgress = [&] {
    if (ShowProgress)
      llvm::errs() << "\r\x1b[K";
  };
  // The JSON formats are written file by file too (StreamedOutput.h).
  std::unique_ptr<StreamedOutput> Document;
  report::SarifOptions SarifOpts{SQLRACE_VERSION, DocsUrl, SQLRACE_HOME_URL,
                                 SourceRoot};
  if (Format == OutputFormat::Json)
    Document = std::make_unique<StreamedOutput>(
        [](const std::vector<report::Diagnostic> &D,
           const std::vector<report::FileStatus> &F) {
          return report::toJson(D, F);
        },
        "diagnostics", N);
  else if (Format == OutputFormat::Sarif)
    Document = std::make_unique<StreamedOutput>(
        [&](const std::vector<report::Diagnostic> &D,
            const std::vector<report::FileStatus> &F) {
          return report::toSarif(D, F, SarifOpts);
        },
        "results", N);
  else if (Format == OutputFormat::CodeClimate)
    Document = std::make_unique<StreamedOutput>(
        [](const std::vector<report::Diagnostic> &D,
           const std::vector<report::FileStatus> &) {
          return report::toCodeClimate(D, SourceRoot);
        },
        "", N);
  if (Document)
    Document->start();

  std::vector<report::FileStatus> Statuses;
  std::vector<report::Diagnostic> All;
  std::set<std::string> SeenInHeaders;
  report::FixOutcome Fixed;
  for (size_t I = 0; I < N; ++I) {
    if (Threads == 1) {
      Results[I] = analyseFile(Sources[I], Run);
    } else {
      std::unique_lock<std::mutex> Lock(ResultsLock);
      Done.wait(Lock, [&] { return Results[I].has_value(); });
    }
    FileResult &R = *Results[I];
    ClearProgress();
    llvm::errs() << R.Errors;
    size_t FirstOfFile = All.size();
    for (size_t K = 0; K < R.Diags.size(); ++K) {
      report::Diagnostic &D = R.Diags[K];
      // A function in a header is analysed in every file that includes it.
      std::string Where = D.Fingerprint + "@" + D.Pos.File + ":" +
                          std::to_string(D.Pos.Line) + ":" +
                          std::to_string(D.Pos.Column);
      if (!SeenInHeaders.insert(Where).second)
        continue;
      llvm::outs() << R.Rendered[K];
      All.push_back(std::move(D));
    }
    llvm::outs() << R.RemarkText;
    llvm::outs().flush();
    if (Document)
      Document->addFile(std::vector<report::Diagnostic>(
                            All.begin() + FirstOfFile, All.end()),
                        I + 1);
    // The test of a failure outside any isolated analysis (Isolation.h).
    flow::crashIfAskedFor([&] { return "after:" + Sources[I]; });
    // This file's fixes now, while its analysed bytes are likely current.
    if (Fix)
      Fixed += report::applyReportedFixes(
          llvm::ArrayRef(All).drop_front(FirstOfFile), R.AnalysedHash,
          llvm::errs());
    Statuses.push_back(R.Status);
    R = FileResult(); // free the memory of printed results early
    if (ShowProgress)
      llvm::errs() << "[" << (I + 1) << "/" << N << "] "
                   << llvm::sys::path::filename(Sources[I]);
  }
  for (std::thread &T : Pool)
    T.join();
  ClearProgress();

  std::vector<const report::Diagnostic *> Reported;
  for (const report::Diagnostic &D : All)
    if (D.Suppressed == report::Suppression::None)
      Reported.push_back(&D);
  if (Document)
    Document->finish(Statuses);
  bool AnyFailed = llvm::any_of(Statuses, [](const report::FileStatus &S) {
    return !S.Ok;
  });
  AnyFailed |= BadCompileCommands;
  if (!ExportFixes.empty())
    if (llvm::Error E = report::exportFixes(
            ExportFixes, N == 1 ? Sources.front() : "", Reported)) {
      fail(llvm::toString(std::move(E)));
      AnyFailed = true;
    }
  if (Fix) {
    AnyFailed |= Fixed.Failed;
    if (!Quiet)
      llvm::errs() << report::fixSummary(Fixed) << "\n";
  }
  if (!WriteBaseline.empty()) {
    if (llvm::Error E = report::writeBaseline(WriteBaseline, Reported))
      return fail(llvm::toString(std::move(E)));
  }
  unsigned Known = llvm::count_if(All, [](const report::Diagnostic &D) {
    return D.Suppressed == report::Suppression::Baseline;
  });
  if (!Quiet) {
    unsigned Failed = llvm::count_if(
        Statuses, [](const report::FileStatus &S) { return !S.Ok; });
    llvm::errs() << Reported.size() << " finding"
                 << (Reported.size() == 1 ? "" : "s") << " in "
                 << Statuses.size() << " file"
                 << (Statuses.size() == 1 ? "" : "s");
    if (Known)
      llvm::errs() << "; " << Known << " known from the baseline";
    if (Failed)
      llvm::errs() << "; " << Failed << " could not be analysed";
    if (!WriteBaseline.empty())
      llvm::errs() << "; baseline written to " << WriteBaseline;
    llvm::errs() << "\n";
  }
  if (AnyFailed)
    return 2;
  if (!WriteBaseline.empty())
    return 0;
  return Reported.empty() ? 0 : 1;
}
