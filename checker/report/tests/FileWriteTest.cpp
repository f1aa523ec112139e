//===- FileWriteTest.cpp - sqlrace ----------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// FileWrite and Fixes on real files in a temporary directory: what is kept
// (mode, links, symlinks), what is refused (non-regular files, read-only
// files, changed bytes) and what is cleaned (temporary files of dead
// processes). The end-to-end side, with the real sqlrace, is
// checker/tool/tests/fix_safety_test.py.
//===----------------------------------------------------------------------===//
#include "sqlrace/report/FileWrite.h"
#include "sqlrace/report/Fixes.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <dirent.h>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace sqlrace::report;

namespace {

class FileWriteTest : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::SmallString<128> D;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("sqlrace-filewrite", D));
    Dir = std::string(D);
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Name) const { return Dir + "/" + Name.str(); }
  static void put(const std::string &Path, const std::string &Text) {
    std::ofstream(Path, std::ios::binary) << Text;
  }
  static std::string get(const std::string &Path) {
    std::ifstream In(Path, std::ios::binary);
    std::stringstream S;
    S << In.rdbuf();
    return S.str();
  }
  std::vector<std::string> names() const {
    std::vector<std::string> Out;
    DIR *D = opendir(Dir.c_str());
    while (const dirent *E = readdir(D))
      if (std::string(E->d_name) != "." && std::string(E->d_name) != "..")
        Out.push_back(E->d_name);
    closedir(D);
    std::sort(Out.begin(), Out.end());
    return Out;
  }
  static std::string message(llvm::Error E) {
    return E ? llvm::toString(std::move(E)) : "";
  }
  static llvm::Error replaceWith(const std::string &Path,
                                 const std::string &Text) {
    return rewriteFile(Path, [&](llvm::StringRef) -> llvm::Expected<std::string> {
      return Text;
    });
  }

  std::string Dir;
};

TEST_F(FileWriteTest, KeepsSpecialModesWithoutUmask) {
  std::string F = path("tool.cpp");
  put(F, "old\n");
  mode_t Old = umask(022);
  for (mode_t Mode : {0666, 04755, 02775, 0600}) {
    ASSERT_EQ(chmod(F.c_str(), Mode), 0);
    EXPECT_EQ(message(replaceWith(F, "new " + std::to_string(Mode))), "");
    struct stat St;
    ASSERT_EQ(stat(F.c_str(), &St), 0);
    EXPECT_EQ(St.st_mode & 07777, Mode);
    EXPECT_EQ(get(F), "new " + std::to_string(Mode));
  }
  umask(Old);
  EXPECT_EQ(names(), std::vector<std::string>{"tool.cpp"});
}

TEST_F(FileWriteTest, RefusesReadOnlyByModeBits) {
  std::string F = path("ro.cpp");
  put(F, "old\n");
  chmod(F.c_str(), 0444);
  EXPECT_EQ(message(replaceWith(F, "new\n")), "'" + F + "' is read-only");
  EXPECT_EQ(get(F), "old\n");
}

TEST_F(FileWriteTest, HardLinksStayOneFile) {
  std::string A = path("a.cpp"), B = path("b.cpp");
  put(A, "a long old text\n");
  ASSERT_EQ(link(A.c_str(), B.c_str()), 0);
  chmod(A.c_str(), 0640);
  EXPECT_EQ(message(replaceWith(A, "short\n")), "");
  struct stat SA, SB;
  ASSERT_EQ(stat(A.c_str(), &SA), 0);
  ASSERT_EQ(stat(B.c_str(), &SB), 0);
  EXPECT_EQ(SA.st_ino, SB.st_ino);
  EXPECT_EQ(SA.st_nlink, 2u);
  EXPECT_EQ(SA.st_mode & 07777, 0640u);
  EXPECT_EQ(get(B), "short\n");
  EXPECT_EQ(names(), (std::vector<std::string>{"a.cpp", "b.cpp"}));
}

TEST_F(FileWriteTest, SymlinksAreWrittenThrough) {
  std::string Target = path("real.cpp"), Link = path("link.cpp");
  put(Target, "old\n");
  ASSERT_EQ(symlink("real.cpp", Link.c_str()), 0); // relative
  EXPECT_EQ(message(replaceWith(Link, "new\n")), "");
  struct stat St;
  ASSERT_EQ(lstat(Link.c_str(), &St), 0);
  EXPECT_TRUE(S_ISLNK(St.st_mode));
  EXPECT_EQ(get(Target), "new\n");
  // An output file through a dangling symlink creates the target.
  std::string Out = path("out.json"), OutLink = path("out-link.json");
  ASSERT_EQ(symlink(Out.c_str(), OutLink.c_str()), 0);
  EXPECT_EQ(message(writeOutputFile(OutLink, "{}\n")), "");
  ASSERT_EQ(lstat(OutLink.c_str(), &St), 0);
  EXPECT_TRUE(S_ISLNK(St.st_mode));
  EXPECT_EQ(get(Out), "{}\n");
}

TEST_F(FileWriteTest, RefusesNonRegularFiles) {
  std::string Fifo = path("fifo");
  ASSERT_EQ(mkfifo(Fifo.c_str(), 0644), 0);
  EXPECT_EQ(message(writeOutputFile(Fifo, "x")),
            "'" + Fifo + "' is a FIFO, not a regular file; refusing to replace it");
  EXPECT_EQ(message(writeOutputFile(Dir, "x")),
            "'" + Dir + "' is a directory, not a regular file; refusing to replace it");
  struct stat St;
  ASSERT_EQ(lstat(Fifo.c_str(), &St), 0);
  EXPECT_TRUE(S_ISFIFO(St.st_mode));
  unlink(Fifo.c_str()); // remove_directories leaves FIFOs
}

TEST_F(FileWriteTest, NewOutputFileGetsUmaskedMode) {
  std::string F = path("baseline.json");
  mode_t Old = umask(027);
  EXPECT_EQ(message(writeOutputFile(F, "{}\n")), "");
  umask(Old);
  struct stat St;
  ASSERT_EQ(stat(F.c_str(), &St), 0);
  EXPECT_EQ(St.st_mode & 07777, 0640u);
  EXPECT_EQ(get(F), "{}\n");
}

TEST_F(FileWriteTest, RefusalLeavesTheFile) {
  std::string F = path("f.cpp");
  put(F, "old\n");
  llvm::Error E = rewriteFile(F, [](llvm::StringRef) -> llvm::Expected<std::string> {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "no");
  });
  EXPECT_EQ(message(std::move(E)), "no");
  EXPECT_EQ(get(F), "old\n");
  EXPECT_EQ(names(), std::vector<std::string>{"f.cpp"});
}

TEST_F(FileWriteTest, StaleTemporariesOfDeadProcessesGo) {
  std::string F = path("f.cpp");
  put(F, "old\n");
  pid_t Child = fork();
  if (Child == 0)
    _exit(0);
  ASSERT_GT(Child, 0);
  waitpid(Child, nullptr, 0);
  std::string Dead = temporaryPathFor(F, Child);
  std::string Alive = temporaryPathFor(F, getppid());
  EXPECT_EQ(Dead, Dir + "/.f.cpp.sqlrace-" + std::to_string(Child) + ".tmp");
  put(Dead, "half");
  put(Alive, "busy");
  EXPECT_EQ(removeStaleTemporaries(F), 1u);
  EXPECT_EQ(names(), (std::vector<std::string>{
                         ".f.cpp.sqlrace-" + std::to_string(getppid()) + ".tmp",
                         "f.cpp"}));
}

TEST_F(FileWriteTest, FixesOnlyTheAnalysedBytes) {
  std::string F = path("f.cpp");
  std::string Original = "int x = a + b;\n";
  put(F, Original);
  Diagnostic D;
  D.Pos = {F, 1, 9, 8};
  Replacement R;
  R.File = F;
  R.Offset = 8;
  R.Length = 5;
  R.Text = "b + a";
  D.Fixes = {R};
  std::map<std::string, std::string> Hashes = {{F, contentHash(Original)}};
  std::string Errors;
  llvm::raw_string_ostream Errs(Errors);
  // An edit after the analysis: refused, the edit kept.
  put(F, "int x = a + c;\n");
  FixOutcome Out = applyFixes({&D}, Hashes, Errs);
  EXPECT_TRUE(Out.Failed);
  EXPECT_EQ(Out.Applied, 0u);
  EXPECT_EQ(Errors, "sqlrace: error: '" + F +
                        "' changed since it was analysed; its fixes were "
                        "not applied\n");
  EXPECT_EQ(get(F), "int x = a + c;\n");
  // The analysed bytes: fixed.
  put(F, Original);
  Errors.clear();
  Out = applyFixes({&D}, Hashes, Errs);
  EXPECT_FALSE(Out.Failed);
  EXPECT_EQ(Out.Offered, 1u);
  EXPECT_EQ(Out.Applied, 1u);
  EXPECT_EQ(Errors, "");
  EXPECT_EQ(get(F), "int x = b + a;\n");
}

TEST_F(FileWriteTest, OnlyReportedFindingsAreFixed) {
  std::string F = path("f.cpp");
  std::string Original = "a = 1; b = 2; c = 3;\n";
  put(F, Original);
  auto Finding = [&](unsigned Offset, const char *Text, Suppression S) {
    Diagnostic D;
    D.Pos = {F, 1, Offset + 1, Offset};
    Replacement R;
    R.File = F;
    R.Offset = Offset + 4;
    R.Length = 1;
    R.Text = Text;
    D.Fixes = {R};
    D.Suppressed = S;
    return D;
  };
  std::vector<Diagnostic> Diags = {Finding(0, "10", Suppression::None),
                                   Finding(7, "20", Suppression::InSource),
                                   Finding(14, "30", Suppression::Baseline)};
  std::string Errors;
  llvm::raw_string_ostream Errs(Errors);
  FixOutcome Out =
      applyReportedFixes(Diags, {{F, contentHash(Original)}}, Errs);
  EXPECT_EQ(Out.Offered, 1u);
  EXPECT_EQ(Out.Applied, 1u);
  EXPECT_FALSE(Out.Failed);
  EXPECT_EQ(Errors, "");
  EXPECT_EQ(get(F), "a = 10; b = 2; c = 3;\n");
}

TEST(FixOutcome, AddsUpAndSummarises) {
  FixOutcome Run;
  EXPECT_EQ(fixSummary(Run), "sqlrace applied 0 of 0 suggested fixes");
  Run += FixOutcome{1, 1, false};
  EXPECT_EQ(fixSummary(Run), "sqlrace applied 1 of 1 suggested fix");
  Run += FixOutcome{2, 0, true};
  Run += FixOutcome{0, 0, false};
  EXPECT_EQ(Run.Offered, 3u);
  EXPECT_EQ(Run.Applied, 1u);
  EXPECT_TRUE(Run.Failed); // a failure stays
  EXPECT_EQ(fixSummary(Run), "sqlrace applied 1 of 3 suggested fixes");
}

} // namespace
