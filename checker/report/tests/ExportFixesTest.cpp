//===- ExportFixesTest.cpp - sqlrace ----------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// --export-fixes as a library: the YAML reads back through clang's own
// reader (what clang-apply-replacements uses) with the same diagnostics,
// notes and replacements.
//===----------------------------------------------------------------------===//
#include "sqlrace/report/ExportFixes.h"
#include "sqlrace/testing/TempDir.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace sqlrace::report;

namespace {

Diagnostic withFix() {
  Diagnostic D;
  D.Check = "sqlrace-read-modify-write";
  D.Pos = {"/src/a.cpp", 3, 5, 40};
  D.Message = "lost update";
  D.Notes = {{{"/src/a.cpp", 2, 5, 20}, "the value is read here"}};
  Replacement R;
  R.File = "/src/a.cpp";
  R.Offset = 50;
  R.Length = 3;
  R.Text = "x + 1";
  D.Fixes = {R};
  return D;
}

clang::tooling::TranslationUnitDiagnostics readBack(const std::string &Text) {
  clang::tooling::TranslationUnitDiagnostics TUD;
  llvm::yaml::Input YAML(Text);
  YAML >> TUD;
  EXPECT_FALSE(YAML.error());
  return TUD;
}

TEST(ExportFixes, ReadsBackAsClangTidysFormat) {
  Diagnostic D = withFix();
  Diagnostic Plain;
  Plain.Check = "sqlrace-check-then-insert";
  Plain.Pos = {"/src/b.cpp", 9, 1, 100};
  Plain.Message = "no fix";
  auto Text = exportedFixesText({&D, &Plain}, "/src/a.cpp");
  ASSERT_TRUE(static_cast<bool>(Text)) << llvm::toString(Text.takeError());
  clang::tooling::TranslationUnitDiagnostics TUD = readBack(*Text);
  EXPECT_EQ(TUD.MainSourceFile, "/src/a.cpp");
  ASSERT_EQ(TUD.Diagnostics.size(), 2u);
  const clang::tooling::Diagnostic &First = TUD.Diagnostics[0];
  EXPECT_EQ(First.DiagnosticName, "sqlrace-read-modify-write");
  EXPECT_EQ(First.Message.Message, "lost update");
  EXPECT_EQ(First.Message.FilePath, "/src/a.cpp");
  EXPECT_EQ(First.Message.FileOffset, 40u);
  ASSERT_EQ(First.Notes.size(), 1u);
  EXPECT_EQ(First.Notes[0].Message, "the value is read here");
  EXPECT_EQ(First.Notes[0].FileOffset, 20u);
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  EXPECT_EQ(First.BuildDirectory, std::string(Cwd));
  ASSERT_EQ(First.Message.Fix.count("/src/a.cpp"), 1u);
  const clang::tooling::Replacements &Reps =
      First.Message.Fix.find("/src/a.cpp")->second;
  ASSERT_EQ(Reps.size(), 1u);
  EXPECT_EQ(Reps.begin()->getOffset(), 50u);
  EXPECT_EQ(Reps.begin()->getLength(), 3u);
  EXPECT_EQ(Reps.begin()->getReplacementText(), "x + 1");
  EXPECT_TRUE(TUD.Diagnostics[1].Message.Fix.empty());
}

TEST(ExportFixes, RelativePathsBecomeAbsolute) {
  Diagnostic D;
  D.Check = "sqlrace-check-then-insert";
  D.Pos = {"rel/c.cpp", 1, 1, 0};
  auto Text = exportedFixesText({&D}, "");
  ASSERT_TRUE(static_cast<bool>(Text));
  clang::tooling::TranslationUnitDiagnostics TUD = readBack(*Text);
  llvm::SmallString<256> Expected("rel/c.cpp");
  llvm::sys::fs::make_absolute(Expected);
  EXPECT_EQ(TUD.MainSourceFile, "");
  EXPECT_EQ(TUD.Diagnostics[0].Message.FilePath, std::string(Expected));
}

TEST(ExportFixes, OverlappingEditsOfOneFindingAreAnError) {
  Diagnostic D = withFix();
  Replacement Other = D.Fixes.front();
  Other.Offset += 1;
  Other.Text = "y";
  D.Fixes.push_back(Other);
  auto Text = exportedFixesText({&D}, "/src/a.cpp");
  EXPECT_FALSE(static_cast<bool>(Text));
  llvm::consumeError(Text.takeError());

  llvm::Error E =
      exportFixes("/nonexistent-dir/fixes.yaml", "/src/a.cpp", {&D});
  ASSERT_TRUE(static_cast<bool>(E));
  std::string Message = llvm::toString(std::move(E));
  EXPECT_EQ(Message.rfind("cannot write '/nonexistent-dir/fixes.yaml': ", 0),
            0u)
      << Message;
}

TEST(ExportFixes, WritesTheFile) {
  sqlrace::test::TempDir Dir("sqlrace-export");
  std::string Path = Dir.path("fixes.yaml");
  Diagnostic D = withFix();
  ASSERT_FALSE(static_cast<bool>(exportFixes(Path, "/src/a.cpp", {&D})));
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  ASSERT_TRUE(static_cast<bool>(Buffer));
  auto Text = exportedFixesText({&D}, "/src/a.cpp");
  ASSERT_TRUE(static_cast<bool>(Text));
  EXPECT_EQ((*Buffer)->getBuffer(), *Text);
}

} // namespace
