//===- BaselineTest.cpp - sqlrace -------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Baselines as a library: the document --write-baseline writes reads back
// as the same fingerprints; broken baselines are one line with a position;
// known findings are marked, not dropped. The CLI's side is
// checker/tool/tests/adoption_test.py and inputs_test.py.
//===----------------------------------------------------------------------===//
#include "sqlrace/report/Baseline.h"
#include "sqlrace/testing/TempDir.h"
#include "llvm/Support/JSON.h"
#include "gtest/gtest.h"

using namespace sqlrace::report;

namespace {

Diagnostic finding(const std::string &Fingerprint, const std::string &File,
                   unsigned Line, const std::string &Message) {
  Diagnostic D;
  D.Check = "sqlrace-check-then-insert";
  D.Pos = {File, Line, 3, 40};
  D.Message = Message;
  D.Fingerprint = Fingerprint;
  return D;
}

std::string loadError(llvm::StringRef Text) {
  auto Known = loadBaselineText("b.json", Text);
  return Known ? "" : llvm::toString(Known.takeError());
}

TEST(Baseline, WrittenDocumentReadsBack) {
  Diagnostic A = finding("a1", "src/a.cpp", 12, "INSERT guarded by a check");
  Diagnostic B = finding("b2/2", "src/b.cpp", 7, "a \"quoted\" message");
  std::string Text = baselineText({&A, &B});
  auto Known = loadBaselineText("b.json", Text);
  ASSERT_TRUE(static_cast<bool>(Known)) << llvm::toString(Known.takeError());
  EXPECT_EQ(*Known, (std::set<std::string>{"a1", "b2/2"}));

  // What the people reading the file see, two-space indented.
  auto Doc = llvm::json::parse(Text);
  ASSERT_TRUE(static_cast<bool>(Doc));
  const llvm::json::Object *Root = Doc->getAsObject();
  ASSERT_NE(Root, nullptr);
  EXPECT_EQ(Root->getInteger("version"), 1);
  const llvm::json::Object *First =
      (*Root->getArray("findings"))[0].getAsObject();
  EXPECT_EQ(First->getString("check"), "sqlrace-check-then-insert");
  EXPECT_EQ(First->getString("file"), "src/a.cpp");
  EXPECT_EQ(First->getInteger("line"), 12);
  EXPECT_EQ(First->getString("message"), "INSERT guarded by a check");
  EXPECT_EQ(Text.rfind("{\n  \"findings\": [\n", 0), 0u) << Text;
  EXPECT_EQ(Text.back(), '\n');
}

TEST(Baseline, EmptyRunWritesAnEmptyList) {
  std::string Text = baselineText({});
  EXPECT_EQ(Text, "{\n  \"findings\": [],\n  \"version\": 1\n}\n");
  auto Known = loadBaselineText("b.json", Text);
  ASSERT_TRUE(static_cast<bool>(Known));
  EXPECT_TRUE(Known->empty());
}

TEST(Baseline, InvalidUtf8InAMessageIsReplacedNotFatal) {
  Diagnostic A = finding("a1", "a.cpp", 1, "name \xff\xfe here");
  std::string Text = baselineText({&A});
  EXPECT_NE(Text.find("name \xEF\xBF\xBD"), std::string::npos) << Text;
  auto Known = loadBaselineText("b.json", Text);
  ASSERT_TRUE(static_cast<bool>(Known)) << llvm::toString(Known.takeError());
}

TEST(Baseline, ErrorsHaveAPosition) {
  EXPECT_EQ(loadError("{\"version\": 1,\n \"findings\": [}"),
            "baseline 'b.json': invalid JSON at line 2, column 15: Invalid "
            "JSON value");
  std::string Deep = "{\"version\": 1, \"findings\": " + std::string(200, '[') +
                     std::string(200, ']') + "}";
  EXPECT_EQ(loadError(Deep), "baseline 'b.json': invalid JSON at line 1, "
                             "column 155: nested deeper than 128 levels");
}

TEST(Baseline, WrongShapesAreNamed) {
  const std::string Shape = "baseline 'b.json': expected an object with "
                            "\"version\": 1 and a \"findings\" array (written "
                            "by --write-baseline)";
  EXPECT_EQ(loadError("[]"), Shape);
  EXPECT_EQ(loadError("{\"version\": 2, \"findings\": []}"), Shape);
  EXPECT_EQ(loadError("{\"version\": 1, \"findings\": {}}"), Shape);
  EXPECT_EQ(loadError("{\"version\": 1, \"findings\": [{\"fingerprint\": "
                      "\"x\"}, {\"fingerprint\": 3}]}"),
            "baseline 'b.json': finding 2 has no \"fingerprint\" string");
}

TEST(Baseline, KnownFindingsAreMarkedNotDropped) {
  std::vector<Diagnostic> Diags = {finding("a", "f.cpp", 1, "m"),
                                   finding("b", "f.cpp", 2, "m"),
                                   finding("c", "f.cpp", 3, "m")};
  Diags[1].Suppressed = Suppression::InSource;
  markKnown(Diags, {"a", "b"});
  ASSERT_EQ(Diags.size(), 3u);
  EXPECT_EQ(Diags[0].Suppressed, Suppression::Baseline);
  EXPECT_EQ(Diags[1].Suppressed, Suppression::InSource); // NOLINT comes first
  EXPECT_EQ(Diags[2].Suppressed, Suppression::None);
}

TEST(BaselineFile, WriteThenLoad) {
  sqlrace::test::TempDir Dir("sqlrace-baseline");
  std::string Path = Dir.path("baseline.json");
  Diagnostic A = finding("fp", "a.cpp", 4, "m");
  ASSERT_FALSE(static_cast<bool>(writeBaseline(Path, {&A})));
  auto Known = loadBaseline(Path);
  ASSERT_TRUE(static_cast<bool>(Known)) << llvm::toString(Known.takeError());
  EXPECT_EQ(*Known, std::set<std::string>{"fp"});
}

TEST(BaselineFile, OnlyRegularFilesAreRead) {
  sqlrace::test::TempDir Dir("sqlrace-baseline");
  auto Missing = loadBaseline(Dir.path("absent.json"));
  ASSERT_FALSE(static_cast<bool>(Missing));
  std::string Message = llvm::toString(Missing.takeError());
  EXPECT_EQ(Message.rfind(
                "cannot read baseline '" + Dir.path("absent.json") + "': ", 0),
            0u)
      << Message;
  auto Directory = loadBaseline(Dir.root());
  ASSERT_FALSE(static_cast<bool>(Directory));
  EXPECT_EQ(llvm::toString(Directory.takeError()),
            "cannot read baseline '" + Dir.root() +
                "': not a regular file (a directory)");
}

} // namespace
