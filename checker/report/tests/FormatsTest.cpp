//===- FormatsTest.cpp - sqlrace ------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The SARIF and Code Climate renderings of hand-made diagnostics, including
// the parts the analysis does not produce yet (fix-its, baseline
// suppressions). With SQLRACE_SARIF_DUMP set, the log with fixes is also
// written to that file, for the test that runs Microsoft's validator on it.
//===----------------------------------------------------------------------===//
#include "sqlrace/report/Formats.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace sqlrace::report;
using Json = nlohmann::json;

namespace {

const char *const Root = "/src/shop";

Diagnostic racyInsert() {
  Diagnostic D;
  D.Check = "sqlrace-check-then-insert";
  D.Pos = {"/src/shop/signup.cpp", 20, 23};
  D.Message = "insert into 'users' can race with the preceding existence check";
  D.Notes = {{{"/src/shop/signup.cpp", 13, 21}, "existence checked here"},
             {{"/src/shop/signup.cpp", 16, 7}, "no row found: taken here"},
             {{"/src/shop/signup.cpp", 20, 23}, "insert here"}};
  D.Fixes = {{"/src/shop/signup.cpp", 310, 6, {"/src/shop/signup.cpp", 20, 30},
              {"/src/shop/signup.cpp", 20, 36}, "INSERT OR IGNORE"},
             {"/src/shop/signup.cpp", 350, 0, {"/src/shop/signup.cpp", 21, 1},
              {"/src/shop/signup.cpp", 21, 1}, "// checked\n"},
             {"/src/shop/schema.sql", 10, 4, {"/src/shop/schema.sql", 2, 3},
              {"/src/shop/schema.sql", 3, 1}, "UNIQUE"}};
  D.FixMessage = "insert atomically";
  D.Fingerprint = "0123456789abcdef";
  return D;
}

Diagnostic lostUpdate(Suppression S) {
  Diagnostic D;
  D.Check = "sqlrace-read-modify-write";
  D.Pos = {"/elsewhere/my lib/pay.cpp", 7, 3};
  D.Message = "lost update";
  D.Fingerprint = "fedcba9876543210";
  D.Suppressed = S;
  return D;
}

SarifOptions options() {
  return {"0.1.0", "https://example.org/docs/checks", "https://example.org/",
          Root};
}

Json parse(const std::string &Text) {
  Json J = Json::parse(Text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(J.is_discarded()) << Text;
  return J;
}

} // namespace

TEST(Sarif, RunToolAndRules) {
  Json Log = parse(toSarif({}, {}, options()));
  EXPECT_EQ(Log["version"], "2.1.0");
  EXPECT_EQ(Log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(Log["runs"].size(), 1u);
  const Json &Run = Log["runs"][0];
  EXPECT_EQ(Run["originalUriBaseIds"]["SRCROOT"]["uri"], "file:///src/shop/");
  const Json &Driver = Run["tool"]["driver"];
  EXPECT_EQ(Driver["name"], "sqlrace");
  EXPECT_EQ(Driver["version"], "0.1.0");
  EXPECT_EQ(Driver["informationUri"], "https://example.org/");
  ASSERT_EQ(Driver["rules"].size(), 4u);
  const Json &Rule = Driver["rules"][0];
  EXPECT_EQ(Rule["id"], "sqlrace-check-then-insert");
  EXPECT_EQ(Rule["name"], "CheckThenInsert");
  EXPECT_EQ(Rule["helpUri"],
            "https://example.org/docs/checks/check-then-insert.md");
  EXPECT_EQ(Rule["defaultConfiguration"]["level"], "warning");
  EXPECT_TRUE(Rule["shortDescription"]["text"].is_string());
  EXPECT_TRUE(Rule["fullDescription"]["text"].is_string());
  EXPECT_EQ(Run["invocations"][0]["executionSuccessful"], true);
  EXPECT_FALSE(Run["invocations"][0].contains("toolExecutionNotifications"));
  EXPECT_EQ(Run["results"], Json::array());
}

TEST(Sarif, ResultWithPathAndFix) {
  Json Log = parse(toSarif({racyInsert()}, {}, options()));
  const Json &R = Log["runs"][0]["results"][0];
  EXPECT_EQ(R["ruleId"], "sqlrace-check-then-insert");
  EXPECT_EQ(R["ruleIndex"], 0);
  EXPECT_EQ(R["level"], "warning");
  const Json &Loc = R["locations"][0]["physicalLocation"];
  EXPECT_EQ(Loc["artifactLocation"],
            Json({{"uri", "signup.cpp"}, {"uriBaseId", "SRCROOT"}}));
  EXPECT_EQ(Loc["region"], Json({{"startLine", 20}, {"startColumn", 23}}));

  ASSERT_EQ(R["relatedLocations"].size(), 3u);
  EXPECT_EQ(R["relatedLocations"][1]["id"], 1);
  EXPECT_EQ(R["relatedLocations"][1]["message"]["text"],
            "no row found: taken here");
  const Json &Steps = R["codeFlows"][0]["threadFlows"][0]["locations"];
  ASSERT_EQ(Steps.size(), 3u);
  for (unsigned I = 0; I < 3; ++I) {
    EXPECT_EQ(Steps[I]["executionOrder"], I + 1);
    EXPECT_EQ(Steps[I]["location"]["message"]["text"],
              racyInsert().Notes[I].Message);
  }
  EXPECT_EQ(Steps[0]["location"]["physicalLocation"]["region"]["startLine"],
            13);

  ASSERT_EQ(R["fixes"].size(), 1u);
  const Json &Fix = R["fixes"][0];
  EXPECT_EQ(Fix["description"]["text"], "insert atomically");
  ASSERT_EQ(Fix["artifactChanges"].size(), 2u) << "one change per file";
  const Json &Signup = Fix["artifactChanges"][0];
  EXPECT_EQ(Signup["artifactLocation"]["uri"], "signup.cpp");
  ASSERT_EQ(Signup["replacements"].size(), 2u);
  EXPECT_EQ(Signup["replacements"][0],
            Json({{"deletedRegion",
                   {{"startLine", 20},
                    {"startColumn", 30},
                    {"endLine", 20},
                    {"endColumn", 36}}},
                  {"insertedContent", {{"text", "INSERT OR IGNORE"}}}}));
  // An insertion is an empty region.
  EXPECT_EQ(Signup["replacements"][1]["deletedRegion"]["startColumn"],
            Signup["replacements"][1]["deletedRegion"]["endColumn"]);
  EXPECT_EQ(Fix["artifactChanges"][1]["artifactLocation"]["uri"], "schema.sql");

  EXPECT_EQ(R["partialFingerprints"]["sqlraceFingerprint/v1"],
            "0123456789abcdef");
  EXPECT_FALSE(R.contains("suppressions"));

  if (const char *Dump = std::getenv("SQLRACE_SARIF_DUMP")) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Dump, EC);
    ASSERT_FALSE(EC) << Dump;
    OS << toSarif({racyInsert(), lostUpdate(Suppression::Baseline)},
                  {{"/src/shop/broken.cpp", false, "does not compile"}},
                  options());
  }
}

TEST(Sarif, SuppressionsAndFilesOutsideTheRoot) {
  Json Log = parse(toSarif({lostUpdate(Suppression::InSource),
                            lostUpdate(Suppression::Baseline)},
                           {}, options()));
  const Json &Results = Log["runs"][0]["results"];
  ASSERT_EQ(Results.size(), 2u) << "suppressed results are listed";
  EXPECT_EQ(Results[0]["ruleIndex"], 1);
  EXPECT_EQ(Results[0]["suppressions"][0]["kind"], "inSource");
  EXPECT_EQ(Results[1]["suppressions"][0]["kind"], "external");
  EXPECT_EQ(Results[0]["locations"][0]["physicalLocation"]["artifactLocation"],
            Json({{"uri", "file:///elsewhere/my%20lib/pay.cpp"}}));
  EXPECT_FALSE(Results[0].contains("relatedLocations"));
  EXPECT_FALSE(Results[0].contains("codeFlows"));
}

TEST(Sarif, FilesNotAnalysed) {
  Json Log = parse(toSarif(
      {}, {{"/src/shop/a.cpp", true, ""}, {"/src/shop/b.cpp", false, "boom"}},
      options()));
  const Json &Inv = Log["runs"][0]["invocations"][0];
  EXPECT_EQ(Inv["executionSuccessful"], false);
  ASSERT_EQ(Inv["toolExecutionNotifications"].size(), 1u);
  const Json &N = Inv["toolExecutionNotifications"][0];
  EXPECT_EQ(N["level"], "error");
  EXPECT_EQ(N["message"]["text"], "/src/shop/b.cpp: boom");
  EXPECT_EQ(N["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "b.cpp");
}

TEST(Sarif, ColumnsAreUtf16CodeUnits) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("sqlrace-sarif", Dir));
  llvm::SmallString<128> File(Dir);
  llvm::sys::path::append(File, "u.cpp");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(File, EC);
    // "é" is 2 bytes and 1 unit, "😀" 4 bytes and 2 units.
    OS << "int a;\n/* \xc3\xa9\xf0\x9f\x98\x80 */ f();\n";
  }
  Diagnostic D = lostUpdate(Suppression::None);
  D.Pos = {std::string(File), 2, 14}; // the 'f'
  SarifOptions O = options();
  O.SourceRoot = std::string(Dir);
  Json Log = parse(toSarif({D}, {}, O));
  const Json &Loc = Log["runs"][0]["results"][0]["locations"][0];
  EXPECT_EQ(Loc["physicalLocation"]["region"]["startColumn"], 11);
  EXPECT_EQ(Loc["physicalLocation"]["artifactLocation"]["uri"], "u.cpp");
  llvm::sys::fs::remove(File);
  llvm::sys::fs::remove(Dir);
}

TEST(Paths, RootAndUri) {
  EXPECT_EQ(rootPath("/a/b/../c/d.cpp", "/a").Relative, "c/d.cpp");
  EXPECT_EQ(rootPath("/ab/d.cpp", "/a").Relative, "");
  EXPECT_EQ(rootPath("/ab/d.cpp", "/a").Absolute, "/ab/d.cpp");
  EXPECT_EQ(fileUri("/x y/a#b%.cpp"), "file:///x%20y/a%23b%25.cpp");
}

TEST(CodeClimate, Issues) {
  Json Issues = parse(toCodeClimate(
      {racyInsert(), lostUpdate(Suppression::InSource),
       lostUpdate(Suppression::None)},
      Root));
  ASSERT_EQ(Issues.size(), 2u) << "suppressed findings are left out";
  EXPECT_EQ(Issues[0], Json({{"type", "issue"},
                             {"check_name", "sqlrace-check-then-insert"},
                             {"description", racyInsert().Message},
                             {"categories", {"Bug Risk"}},
                             {"severity", "major"},
                             {"fingerprint", "0123456789abcdef"},
                             {"location",
                              {{"path", "signup.cpp"},
                               {"lines", {{"begin", 20}}}}}}));
  EXPECT_EQ(Issues[1]["location"]["path"], "/elsewhere/my lib/pay.cpp");
}
