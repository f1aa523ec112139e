//===- Main.cpp - sqlrace command-line tool ---------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// `sqlrace [options] <files...> [-- <compile flags>]` or `-p <build dir>`,
// with clang-tidy's conventions. Exit status: 0 no finding, 1 findings,
// 2 the tool could not do its job (bad option or rules, a file that does not
// compile or cannot be read).
//===----------------------------------------------------------------------===//
#include "FileAnalysis.h"
#include "Inputs.h"
#include "StreamedOutput.h"
#include "sqlrace/catalogue/Catalogue.h"
#include "sqlrace/flow/Isolation.h"
#include "sqlrace/project/CheckFilter.h"
#include "sqlrace/project/ProjectSetup.h"
#include "sqlrace/project/SchemaInputs.h"
#include "sqlrace/report/Baseline.h"
#include "sqlrace/report/Diagnostic.h"
#include "sqlrace/report/ExportFixes.h"
#include "sqlrace/report/Fixes.h"
#include "sqlrace/report/Formats.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

using namespace clang;
using namespace sqlrace;
using project::printWarning;
using project::ProjectSetups;
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

/// The files to analyse and the compilation database that says how.
struct Work {
  std::vector<std::string> Sources;
  /// The database sqlrace loaded itself (without "--"); DB points to it or
  /// to CommonOptionsParser's.
  std::unique_ptr<tooling::CompilationDatabase> OwnDB;
  tooling::CompilationDatabase *DB = nullptr;
  /// Entries of compile_commands.json were skipped: exit status 2.
  bool BadCompileCommands = false;
  /// The run sees the whole program: every file of the compilation
  /// database, or the files named with "--" (all sqlrace can know of), and
  /// no --shard.
  bool WholeProgram = true;
};

/// What a run reported, in input order.
struct RunResults {
  std::vector<report::FileStatus> Statuses;
  /// Every diagnostic, suppressed ones included; one in a header that
  /// several files include is kept once.
  std::vector<report::Diagnostic> All;
  report::FixOutcome Fixed;
  /// About the configs' wrappers, from the whole run.
  std::vector<report::ConfigWarning> Warnings;

  /// The diagnostics that count: neither NOLINT nor the baseline hides them.
  std::vector<const report::Diagnostic *> reported() const {
    std::vector<const report::Diagnostic *> Out;
    for (const report::Diagnostic &D : All)
      if (D.Suppressed == report::Suppression::None)
        Out.push_back(&D);
    return Out;
  }
};

} // namespace

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

static void printVersion(llvm::raw_ostream &OS) {
  OS << "sqlrace version " SQLRACE_VERSION "\n"
     << "  built with LLVM/Clang " LLVM_VERSION_STRING "\n";
}

/// Parses the command line. FlagsGiven: it has "--". Without one,
/// CommonOptionsParser would load the compilation database itself and, when
/// it is broken, only say that none was found and run without flags: it
/// gets an empty "--", and findWork loads and checks the database.
static llvm::Expected<tooling::CommonOptionsParser>
parseCommandLine(int argc, const char **argv, bool &FlagsGiven) {
  std::vector<const char *> Args(argv, argv + argc);
  FlagsGiven = llvm::is_contained(Args, llvm::StringRef("--"));
  if (!FlagsGiven)
    Args.push_back("--");
  int ArgCount = static_cast<int>(Args.size());
  return tooling::CommonOptionsParser::create(ArgCount, Args.data(), Category,
                                              cl::ZeroOrMore, Overview);
}

static llvm::Error optionError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// The options that can be checked before anything is analysed: --docs-url,
/// --checks and --schema (whose warnings are printed here).
static llvm::Error checkOptions() {
  // SARIF requires an absolute URI (a scheme) for helpUri.
  if (!llvm::Regex("^[A-Za-z][A-Za-z0-9+.-]*:").match(DocsUrl))
    return optionError(
        "--docs-url must be an absolute URI (file:///..., https://...)");
  auto Enabled = project::selectChecks(ChecksOpt);
  if (!Enabled)
    return Enabled.takeError();
  if (Enabled->empty()) // as clang-tidy; a config cannot undo it
    return optionError("no checks enabled.");
  std::vector<std::string> Warnings;
  if (llvm::Error E = project::checkSchemaPaths(
          std::vector<std::string>(SchemaPaths.begin(), SchemaPaths.end()),
          "--schema", sql::Dialect::Unknown, Warnings))
    return E;
  for (const std::string &W : Warnings)
    printWarning(W);
  return llvm::Error::success();
}

/// The bundled rules (unless --no-default-rules), then --rules.
static llvm::Expected<std::vector<std::string>> rulesFiles() {
  std::vector<std::string> Files;
  if (!NoDefaultRules) {
    Files = catalogue::defaultRulesFiles();
    if (Files.empty())
      return optionError("no bundled rules found (looked in "
                         "$SQLRACE_RULES_DIR and " SQLRACE_RULES_DIR ")");
  }
  Files.insert(Files.end(), RulesFiles.begin(), RulesFiles.end());
  return Files;
}

/// --list-checks and --list-apis: with the config of the current directory,
/// as clang-tidy lists with its .clang-tidy.
static int listAndExit(ProjectSetups &Setups) {
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
    llvm::outs() << llvm::formatv("{0,-46} {1,-11} {2}\n", Api->Library,
                                  Api->Dialect == sql::Dialect::Unknown
                                      ? "varies"
                                      : sql::dialectName(Api->Dialect),
                                  Api->File);
  return 0;
}

/// Whether Sources name every file the database lists (a database that
/// lists none, as with "--" or compile_flags.txt, is covered by any).
static bool coversDatabase(const tooling::CompilationDatabase &DB,
                           const std::vector<std::string> &Sources) {
  auto Normal = [](StringRef Path) {
    llvm::SmallString<256> P(Path);
    llvm::sys::fs::make_absolute(P);
    llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
    return std::string(P);
  };
  std::set<std::string> Named;
  for (const std::string &S : Sources)
    Named.insert(Normal(S));
  return llvm::all_of(DB.getAllFiles(), [&](const std::string &F) {
    return Named.count(Normal(F)) > 0;
  });
}

/// The files to analyse and their compilation database. With "--" and
/// files: the flags after it. Otherwise the database of -p, or the nearest
/// to the first file, with its problems reported (Inputs.h); with no file
/// named, all of its files, as clang-tidy does. Then --shard's part.
static llvm::Error findWork(tooling::CommonOptionsParser &Parsed,
                            bool FlagsGiven, int argc, const char **argv,
                            Work &W) {
  W.Sources = Parsed.getSourcePathList();
  W.DB = &Parsed.getCompilations();
  if (!FlagsGiven || W.Sources.empty()) {
    std::optional<std::string> BuildDir = buildPathArgument(argc, argv);
    std::vector<std::string> Skipped;
    bool NotFound = false;
    auto Found = findCompilations(BuildDir, W.Sources, Skipped, NotFound);
    if (!Found)
      return Found.takeError();
    for (const std::string &S : Skipped)
      errorLine(llvm::errs(), S);
    W.BadCompileCommands = !Skipped.empty();
    if (NotFound)
      printWarning("no compilation database (compile_commands.json or "
                   "compile_flags.txt) in the directory of '" +
                   W.Sources.front() +
                   "' or a parent; running without flags (add -- <flags>)");
    auto Adjusted = std::make_unique<tooling::ArgumentsAdjustingCompilations>(
        std::move(*Found));
    Adjusted->appendArgumentsAdjuster(extraArgumentsAdjuster());
    W.OwnDB = std::move(Adjusted);
    W.DB = W.OwnDB.get();
    if (W.Sources.empty())
      W.Sources = W.DB->getAllFiles();
    if (W.Sources.empty())
      return optionError("the compilation database in '" +
                         BuildDir.value_or("") + "' lists no files");
  }
  W.WholeProgram = !W.BadCompileCommands && coversDatabase(*W.DB, W.Sources);
  if (!Shard.empty()) {
    W.WholeProgram = false;
    auto Part = parseShard(Shard);
    if (!Part)
      return optionError("--shard wants I/N with 1 <= I <= N, got '" + Shard +
                         "'");
    llvm::sort(W.Sources);
    std::vector<std::string> Mine;
    for (size_t K = 0; K < W.Sources.size(); ++K)
      if (K % Part->second == Part->first - 1)
        Mine.push_back(W.Sources[K]);
    W.Sources = std::move(Mine);
  }
  return llvm::Error::success();
}

/// --header-filter, checked and given to the setups.
static llvm::Error applyHeaderFilter(ProjectSetups &Setups) {
  if (HeaderFilter.empty())
    return llvm::Error::success();
  std::string Why;
  if (!llvm::Regex(HeaderFilter).isValid(Why))
    return optionError("--header-filter: invalid regular expression '" +
                       HeaderFilter + "': " + Why);
  Setups.setHeaderFilter(HeaderFilter);
  return llvm::Error::success();
}

/// The output settings of a run (format, colours) and --baseline's
/// fingerprints.
static llvm::Error prepareRun(RunContext &Run) {
  auto Colour = [](bool Terminal) {
    return UseColor == cl::BOU_UNSET ? Terminal : UseColor == cl::BOU_TRUE;
  };
  Run.Text = Format == OutputFormat::Text;
  Run.TextRemarks = Run.Text && Remarks;
  Run.ColourOut =
      Run.Text && Colour(llvm::sys::Process::StandardOutHasColors());
  Run.ColourErr = Colour(llvm::sys::Process::StandardErrHasColors());
  if (BaselineOpt.empty())
    return llvm::Error::success();
  auto Known = report::loadBaseline(BaselineOpt);
  if (!Known)
    return Known.takeError();
  Run.Baseline = std::move(*Known);
  return llvm::Error::success();
}

/// The document of the JSON, SARIF or Code Climate format, written file by
/// file (StreamedOutput.h); null for the text format.
static std::unique_ptr<StreamedOutput> openDocument(size_t Files) {
  switch (Format) {
  case OutputFormat::Text:
    return nullptr;
  case OutputFormat::Json:
    return std::make_unique<StreamedOutput>(
        [](const std::vector<report::Diagnostic> &D,
           const std::vector<report::FileStatus> &F,
           const std::vector<report::ConfigWarning> &C) {
          return report::toJson(D, F, C);
        },
        "diagnostics", Files);
  case OutputFormat::Sarif:
    return std::make_unique<StreamedOutput>(
        [](const std::vector<report::Diagnostic> &D,
           const std::vector<report::FileStatus> &F,
           const std::vector<report::ConfigWarning> &C) {
          return report::toSarif(
              D, F, {SQLRACE_VERSION, DocsUrl, SQLRACE_HOME_URL, SourceRoot},
              C);
        },
        "results", Files);
  case OutputFormat::CodeClimate:
    return std::make_unique<StreamedOutput>(
        [](const std::vector<report::Diagnostic> &D,
           const std::vector<report::FileStatus> &,
           const std::vector<report::ConfigWarning> &) {
          return report::toCodeClimate(D, SourceRoot);
        },
        "", Files);
  }
  return nullptr;
}

/// The warnings about the configs' wrappers (entries that matched no
/// called function, SQL arguments that never held text), by config file:
/// all of them when the run saw the whole program and analysed every file,
/// else only those a close name makes certain (WrapperUsage.h).
static std::vector<report::ConfigWarning>
configWarnings(const RunContext &Run, const RunResults &R, bool WholeProgram) {
  bool AllAnalysed = llvm::all_of(
      R.Statuses, [](const report::FileStatus &S) { return S.Ok; });
  std::vector<report::ConfigWarning> Out;
  for (const auto &[ConfigFile, Setup] : Run.Analysed)
    for (catalogue::ConfigWarning &W :
         Setup->Rules.wrapperWarnings(WholeProgram && AllAnalysed))
      Out.push_back({{W.File, W.Line, W.Column, 0},
                     catalogue::kindName(W.TheKind).str(),
                     std::move(W.Message),
                     std::move(W.Suggestion)});
  return Out;
}

/// Analyses the files, with -j workers, and prints each one's output in
/// input order as soon as it is complete; --fix applies each file's fixes
/// right after its output. The warnings about the configs come last.
static RunResults analyseAll(const Work &W, RunContext &Run) {
  const std::vector<std::string> &Sources = W.Sources;
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
  std::unique_ptr<StreamedOutput> Document = openDocument(N);
  if (Document)
    Document->start();

  RunResults Out;
  std::set<std::string> SeenInHeaders;
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
    size_t FirstOfFile = Out.All.size();
    for (size_t K = 0; K < R.Diags.size(); ++K) {
      report::Diagnostic &D = R.Diags[K];
      // A function in a header is analysed in every file that includes it.
      std::string Where = D.Fingerprint + "@" + D.Pos.File + ":" +
                          std::to_string(D.Pos.Line) + ":" +
                          std::to_string(D.Pos.Column);
      if (!SeenInHeaders.insert(Where).second)
        continue;
      llvm::outs() << R.Rendered[K];
      Out.All.push_back(std::move(D));
    }
    llvm::outs() << R.RemarkText;
    llvm::outs().flush();
    llvm::ArrayRef<report::Diagnostic> OfFile =
        llvm::ArrayRef(Out.All).drop_front(FirstOfFile);
    if (Document)
      Document->addFile(OfFile.vec(), I + 1);
    // The test of a failure outside any isolated analysis (Isolation.h).
    flow::crashIfAskedFor([&] { return "after:" + Sources[I]; });
    // This file's fixes now, while its analysed bytes are likely current.
    if (Fix)
      Out.Fixed +=
          report::applyReportedFixes(OfFile, R.AnalysedHash, llvm::errs());
    Out.Statuses.push_back(R.Status);
    R = FileResult(); // free the memory of printed results early
    if (ShowProgress)
      llvm::errs() << "[" << (I + 1) << "/" << N << "] "
                   << llvm::sys::path::filename(Sources[I]);
  }
  for (std::thread &T : Pool)
    T.join();
  ClearProgress();
  Out.Warnings = configWarnings(Run, Out, W.WholeProgram);
  if (Run.Text) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    OS.enable_colors(Run.ColourOut);
    for (const report::ConfigWarning &C : Out.Warnings)
      report::printConfigWarning(C, OS, Run.ColourOut);
    llvm::outs() << Text;
    llvm::outs().flush();
  }
  if (Document)
    Document->finish(Out.Statuses, Out.Warnings);
  return Out;
}

/// "3 findings in 2 files; 1 known from the baseline", on stderr.
static void printSummary(const RunResults &R, size_t Reported) {
  unsigned Known = llvm::count_if(R.All, [](const report::Diagnostic &D) {
    return D.Suppressed == report::Suppression::Baseline;
  });
  unsigned Failed = llvm::count_if(
      R.Statuses, [](const report::FileStatus &S) { return !S.Ok; });
  llvm::errs() << Reported << " finding" << (Reported == 1 ? "" : "s") << " in "
               << R.Statuses.size() << " file"
               << (R.Statuses.size() == 1 ? "" : "s");
  if (Known)
    llvm::errs() << "; " << Known << " known from the baseline";
  if (Failed)
    llvm::errs() << "; " << Failed << " could not be analysed";
  if (!R.Warnings.empty())
    llvm::errs() << "; " << R.Warnings.size() << " config warning"
                 << (R.Warnings.size() == 1 ? "" : "s");
  if (!WriteBaseline.empty())
    llvm::errs() << "; baseline written to " << WriteBaseline;
  llvm::errs() << "\n";
}

/// What follows the last file: --export-fixes, --fix's count,
/// --write-baseline, the closing line; returns the exit status.
static int finish(const RunResults &R, const Work &W) {
  std::vector<const report::Diagnostic *> Reported = R.reported();
  bool AnyFailed = W.BadCompileCommands ||
                   llvm::any_of(R.Statuses, [](const report::FileStatus &S) {
                     return !S.Ok;
                   });
  if (!ExportFixes.empty())
    if (llvm::Error E = report::exportFixes(
            ExportFixes, W.Sources.size() == 1 ? W.Sources.front() : "",
            Reported)) {
      fail(llvm::toString(std::move(E)));
      AnyFailed = true;
    }
  if (Fix) {
    AnyFailed |= R.Fixed.Failed;
    if (!Quiet)
      llvm::errs() << report::fixSummary(R.Fixed) << "\n";
  }
  if (!WriteBaseline.empty())
    if (llvm::Error E = report::writeBaseline(WriteBaseline, Reported))
      return fail(llvm::toString(std::move(E)));
  if (!Quiet)
    printSummary(R, Reported.size());
  if (AnyFailed)
    return 2;
  if (!WriteBaseline.empty())
    return 0;
  return Reported.empty() ? 0 : 1;
}

int main(int argc, const char **argv) {
  cl::SetVersionPrinter(printVersion);
  bool FlagsGiven = false;
  auto Parsed = parseCommandLine(argc, argv, FlagsGiven);
  if (!Parsed)
    return fail(llvm::toString(Parsed.takeError()));
  if (llvm::Error E = checkOptions())
    return fail(llvm::toString(std::move(E)));
  auto Rules = rulesFiles();
  if (!Rules)
    return fail(llvm::toString(Rules.takeError()));
  ProjectSetups Setups(
      *Rules, std::vector<std::string>(SchemaPaths.begin(), SchemaPaths.end()),
      ChecksOpt, ConfigOpt);
  if (ListChecks || ListApis)
    return listAndExit(Setups);

  Work W;
  if (llvm::Error E = findWork(*Parsed, FlagsGiven, argc, argv, W))
    return fail(llvm::toString(std::move(E)));
  if (llvm::Error E = applyHeaderFilter(Setups))
    return fail(llvm::toString(std::move(E)));
  RunContext Run;
  Run.DB = W.DB;
  Run.Setups = &Setups;
  if (llvm::Error E = prepareRun(Run))
    return fail(llvm::toString(std::move(E)));
  return finish(analyseAll(W, Run), W);
}
