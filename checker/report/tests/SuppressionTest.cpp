//===- SuppressionTest.cpp - sqlrace ----------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// NOLINT markers: NolintIndex on text, and isSuppressed on files read
// through a SourceManager (its per-file cache included).
//===----------------------------------------------------------------------===//
#include "sqlrace/report/Suppression.h"
#include "sqlrace/report/Diagnostic.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <iterator>
#include <optional>
#include <string>
#include <vector>

using namespace sqlrace::report;

namespace {

constexpr const char *Insert = "sqlrace-check-then-insert";
constexpr const char *Update = "sqlrace-read-modify-write";

/// The 1-based lines of Text that Check is suppressed on.
std::vector<unsigned> suppressedLines(const std::string &Text,
                                      const char *Check) {
  NolintIndex Index(Text);
  std::vector<unsigned> Lines;
  for (unsigned L = 1; L <= 40; ++L)
    if (Index.suppresses(L, Check))
      Lines.push_back(L);
  return Lines;
}

using Lines = std::vector<unsigned>;

TEST(NolintIndex, SameLine) {
  std::string Text = "a;\n"
                     "b; // NOLINT\n"
                     "c; // NOLINT(sqlrace-*)\n"
                     "d; // NOLINT(bugprone-*)\n"
                     "e; // NOLINTX\n"
                     "f; // NOLINT_\n"
                     "g; // NOLINTNEXTLINE\n"
                     "h;\n";
  EXPECT_EQ(suppressedLines(Text, Insert), (Lines{2, 3, 8}));
}

TEST(NolintIndex, NextLineOnly) {
  std::string Text = "// NOLINTNEXTLINE(sqlrace-check-then-insert)\n"
                     "a;\n"
                     "b;\n"
                     "// NOLINTNEXTLINE\n"
                     "\n"
                     "c;\n";
  EXPECT_EQ(suppressedLines(Text, Insert), (Lines{2, 5}));
  EXPECT_EQ(suppressedLines(Text, Update), (Lines{5}));
}

TEST(NolintIndex, CheckLists) {
  std::string Text = "a; // NOLINT(bugprone-foo, sqlrace-read-modify-write)\n"
                     "b; // NOLINT( sqlrace-check-then-* ,readability-x )\n"
                     "c; // NOLINT()\n"
                     "d; // NOLINT(,,)\n"
                     // Not directly after the marker: no list, so every check.
                     "e; // NOLINT (bugprone-foo)\n"
                     // An unclosed list runs to the end of the line.
                     "f; // NOLINT(sqlrace-check-then-insert\n"
                     // The first whole-word marker counts.
                     "g; // NOLINT(bugprone-foo) NOLINT\n";
  EXPECT_EQ(suppressedLines(Text, Insert), (Lines{2, 5, 6}));
  EXPECT_EQ(suppressedLines(Text, Update), (Lines{1, 5}));
}

TEST(NolintIndex, RegionsNest) {
  std::string Text = "a;\n"                                        // 1
                     "// NOLINTBEGIN(sqlrace-check-then-insert)\n" // 2
                     "b;\n"                                        // 3
                     "// NOLINTBEGIN\n"                            // 4
                     "c;\n"                                        // 5
                     "// NOLINTEND\n"                              // 6
                     "d;\n"                                        // 7
                     "// NOLINTEND(sqlrace-check-then-insert)\n"   // 8
                     "e;\n";                                       // 9
  // The BEGIN and END lines belong to the region they open or close only
  // from the line after the BEGIN to the END line itself.
  EXPECT_EQ(suppressedLines(Text, Insert), (Lines{3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(suppressedLines(Text, Update), (Lines{5, 6}));
}

TEST(NolintIndex, EndWithoutBeginAndUnclosedRegions) {
  std::string Text = "// NOLINTEND\n"              // 1: nothing open, ignored
                     "a;\n"                        // 2
                     "// NOLINTBEGIN(sqlrace-*)\n" // 3
                     "b;\n"                        // 4
                     "// NOLINTEND(bugprone-*)\n"  // 5: names other checks
                     "c;\n";                       // 6: still open to the end
  EXPECT_EQ(suppressedLines(Text, Insert), (Lines{4, 5, 6, 7}));
}

TEST(NolintIndex, BeginAndEndOnOneLine) {
  std::string Text = "// NOLINTBEGIN NOLINTEND\n"
                     "a;\n"
                     "x; // NOLINTBEGIN\n"
                     "b;";
  EXPECT_EQ(suppressedLines(Text, Insert), (Lines{4}));
}

TEST(NolintIndex, LinesAndEndings) {
  NolintIndex Crlf("a; // NOLINT\r\n// NOLINTNEXTLINE\r\nb;\r\nc;");
  EXPECT_TRUE(Crlf.suppresses(1, Insert));
  EXPECT_TRUE(Crlf.suppresses(3, Insert));
  EXPECT_FALSE(Crlf.suppresses(4, Insert));
  EXPECT_FALSE(Crlf.suppresses(0, Insert));
  EXPECT_FALSE(Crlf.suppresses(5, Insert));
  NolintIndex Open("// NOLINTBEGIN\n");
  EXPECT_TRUE(Open.suppresses(2, Insert)); // the empty last line
  EXPECT_FALSE(Open.suppresses(3, Insert));
  NolintIndex Empty("");
  EXPECT_FALSE(Empty.suppresses(1, Insert));
}

/// The answer of the straightforward reading of the rules, line by line:
/// what isSuppressed did before the index, kept as the reference.
bool reference(llvm::StringRef Text, unsigned Target, llvm::StringRef Check) {
  auto Find = [](llvm::StringRef Line,
                 llvm::StringRef Word) -> std::optional<llvm::StringRef> {
    for (size_t At = Line.find(Word); At != llvm::StringRef::npos;
         At = Line.find(Word, At + 1)) {
      llvm::StringRef Rest = Line.substr(At + Word.size());
      if (Rest.empty() || !(llvm::isAlnum(Rest[0]) || Rest[0] == '_'))
        return Rest;
    }
    return std::nullopt;
  };
  auto Names = [&](std::optional<llvm::StringRef> Rest) {
    if (!Rest)
      return false;
    if (!Rest->starts_with("("))
      return true;
    llvm::SmallVector<llvm::StringRef, 4> Globs;
    Rest->drop_front().split(')').first.split(Globs, ',', -1, false);
    return llvm::any_of(Globs, [&](llvm::StringRef G) {
      auto P = llvm::GlobPattern::create(G.trim());
      return P && P->match(Check);
    });
  };
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  if (Target == 0 || Target > Lines.size())
    return false;
  if (Names(Find(Lines[Target - 1], "NOLINT")))
    return true;
  if (Target >= 2 && Names(Find(Lines[Target - 2], "NOLINTNEXTLINE")))
    return true;
  int Open = 0;
  for (unsigned I = 0; I + 1 < Target; ++I) {
    if (Names(Find(Lines[I], "NOLINTBEGIN")))
      ++Open;
    if (Names(Find(Lines[I], "NOLINTEND")) && Open > 0)
      --Open;
  }
  return Open > 0;
}

TEST(NolintIndex, AgreesWithTheLineByLineReading) {
  const char *Pieces[] = {
      "x;",
      "",
      "// NOLINT",
      "y; // NOLINT(sqlrace-*)",
      "// NOLINT(bugprone-*)",
      "// NOLINTNEXTLINE",
      "// NOLINTNEXTLINE(sqlrace-check-then-insert)",
      "// NOLINTBEGIN",
      "// NOLINTBEGIN(sqlrace-read-*)",
      "// NOLINTEND",
      "// NOLINTEND(sqlrace-read-modify-write, sqlrace-check-*)",
      "// NOLINTBEGIN NOLINTEND",
      "NOLINTENDX NOLINTBEGINX",
      "\r"};
  const unsigned N = std::size(Pieces);
  unsigned Seed = 12345;
  for (unsigned Round = 0; Round < 2000; ++Round) {
    std::string Text;
    unsigned Count = 1 + Round % 12;
    for (unsigned I = 0; I < Count; ++I) {
      Seed = Seed * 1103515245 + 12345;
      Text += Pieces[(Seed >> 16) % N];
      if (I + 1 < Count || Round % 2)
        Text += "\n";
    }
    NolintIndex Index(Text);
    for (const char *Check : {Insert, Update})
      for (unsigned L = 0; L <= Count + 2; ++L)
        ASSERT_EQ(Index.suppresses(L, Check), reference(Text, L, Check))
            << "line " << L << " of:\n"
            << Text;
  }
}

/// A file on disk read through a SourceManager of its own, as the CLI does.
class OnDisk : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("nolint", "cpp", Path));
  }
  void TearDown() override { llvm::sys::fs::remove(Path); }
  void write(llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }
  /// For each line 1..Count: whether a finding of Check there is suppressed.
  std::vector<bool> ask(const char *Check, unsigned Count) {
    clang::FileManager FM{clang::FileSystemOptions{}};
    clang::DiagnosticsEngine Diags(new clang::DiagnosticIDs,
                                   new clang::DiagnosticOptions,
                                   new clang::IgnoringDiagConsumer);
    clang::SourceManager SM(Diags, FM);
    auto File = FM.getFileRef(Path);
    EXPECT_TRUE(static_cast<bool>(File));
    if (!File)
      return {};
    clang::FileID Id =
        SM.createFileID(*File, clang::SourceLocation(), clang::SrcMgr::C_User);
    SM.setMainFileID(Id);
    std::vector<bool> Out;
    for (unsigned L = 1; L <= Count; ++L) {
      WordedFinding W;
      W.Check = Check;
      W.Loc = SM.translateLineCol(Id, L, 1);
      Out.push_back(isSuppressed(W, SM));
    }
    return Out;
  }
  llvm::SmallString<128> Path;
};

TEST_F(OnDisk, AnswersFromTheFile) {
  write("a;\n// NOLINTBEGIN(sqlrace-read-*)\nb; // NOLINT(sqlrace-check-*)\n"
        "// NOLINTEND(sqlrace-read-*)\nc;\n");
  EXPECT_EQ(ask(Insert, 5),
            (std::vector<bool>{false, false, true, false, false}));
  EXPECT_EQ(ask(Update, 5),
            (std::vector<bool>{false, false, true, true, false}));
}

TEST_F(OnDisk, ANewSourceManagerSeesTheFileRewritten) {
  // Same size, same name, likely the same SourceManager address: the cache
  // must still not answer from the first version.
  write("// NOLINTBEGIN\na;\nb;\n");
  EXPECT_EQ(ask(Insert, 3), (std::vector<bool>{false, true, true}));
  // Another inode (as --fix's atomic replace gives), same size.
  llvm::SmallString<128> Other;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("nolint", "cpp", Other));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Other, EC);
    OS << "// NOLINTXXXXXX\na;\nb;\n";
  }
  ASSERT_FALSE(llvm::sys::fs::rename(Other, Path));
  EXPECT_EQ(ask(Insert, 3), (std::vector<bool>{false, false, false}));
}

} // namespace
