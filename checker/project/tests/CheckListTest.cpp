//===- CheckListTest.cpp - sqlrace ------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The check list: what other places (the config loader, SARIF, the
// clang-tidy module, the docs) rely on when they read it.
//===----------------------------------------------------------------------===//
#include "sqlrace/project/CheckList.h"
#include "sqlrace/catalogue/Catalogue.h"
#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"
#include <set>

using namespace sqlrace;
using project::CheckInfo;
using project::CheckKind;

namespace {

TEST(CheckList, IdsAreUniqueAndSqlracePrefixed) {
  std::set<std::string> Ids, Names;
  std::set<CheckKind> Kinds;
  for (const CheckInfo &C : project::checkList()) {
    EXPECT_TRUE(C.Id.starts_with("sqlrace-")) << C.Id.str();
    EXPECT_TRUE(Ids.insert(C.Id.str()).second) << C.Id.str();
    EXPECT_TRUE(Names.insert(C.Name.str()).second) << C.Name.str();
    EXPECT_TRUE(Kinds.insert(C.Kind).second) << C.Id.str();
    EXPECT_FALSE(C.Summary.empty()) << C.Id.str();
    EXPECT_FALSE(C.Description.empty()) << C.Id.str();
  }
  EXPECT_EQ(Ids.size(), 4u);
}

TEST(CheckList, LookupsAgreeWithTheList) {
  ASSERT_EQ(project::allChecks().size(), project::checkList().size());
  for (size_t I = 0; I < project::checkList().size(); ++I) {
    const CheckInfo &C = project::checkList()[I];
    EXPECT_EQ(project::allChecks()[I], C.Kind);
    EXPECT_EQ(project::checkId(C.Kind), C.Id);
    EXPECT_EQ(project::findCheck(C.Id), &C);
  }
  EXPECT_EQ(project::checkId(CheckKind::CheckThenInsert),
            "sqlrace-check-then-insert");
  EXPECT_EQ(project::findCheck("sqlrace-check-then-*"), nullptr);
  EXPECT_EQ(project::findCheck(""), nullptr);
}

// SARIF's helpUri and the plugin's docs point at docs/checks/<id>.md.
TEST(CheckList, EveryCheckHasItsDocumentation) {
  for (const CheckInfo &C : project::checkList()) {
    std::string Doc = std::string(SQLRACE_DOCS_DIR) + "/checks/" +
                      C.Id.drop_front(strlen("sqlrace-")).str() + ".md";
    EXPECT_TRUE(llvm::sys::fs::is_regular_file(Doc)) << Doc;
  }
}

// check_options takes every listed id, and nothing else.
TEST(CheckList, ConfigTakesOptionsForEveryListedCheck) {
  for (const CheckInfo &C : project::checkList()) {
    catalogue::ProjectConfig Config;
    auto Loaded = catalogue::Catalogue::loadConfigText(
        "/p/.sqlrace.json",
        "{\"check_options\": {\"" + C.Id.str() +
            "\": {\"ignored_tables\": [\"audit\"]}}}",
        Config);
    ASSERT_TRUE(static_cast<bool>(Loaded))
        << llvm::toString(Loaded.takeError());
    EXPECT_EQ(Config.PerCheck[C.Id.str()].IgnoredTables,
              std::vector<std::string>{"audit"});
  }
  catalogue::ProjectConfig Config;
  auto Unknown = catalogue::Catalogue::loadConfigText(
      "/p/.sqlrace.json",
      R"({"check_options": {"sqlrace-check-then-delete": {}}})", Config);
  ASSERT_FALSE(static_cast<bool>(Unknown));
  std::string Message = llvm::toString(Unknown.takeError());
  EXPECT_NE(Message.find("sqlrace-check-then-delete"), std::string::npos)
      << Message;
}

} // namespace
