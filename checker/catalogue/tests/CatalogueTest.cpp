//===- CatalogueTest.cpp - sqlrace ------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "sqlrace/catalogue/Catalogue.h"
#include "sqlrace/catalogue/JsonText.h"
#include "gtest/gtest.h"
#include <optional>

using namespace sqlrace;
using namespace sqlrace::catalogue;

namespace {

std::string loadError(const std::string &Text) {
  auto C = Catalogue::loadText({{"r.json", Text}});
  if (C)
    return "";
  return llvm::toString(C.takeError());
}

TEST(Catalogue, BundledRulesLoad) {
  std::vector<std::string> Files = defaultRulesFiles();
  ASSERT_FALSE(Files.empty());
  auto C = Catalogue::load(Files);
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  const FunctionRule *Step = C->function("sqlite3_step");
  ASSERT_NE(Step, nullptr);
  EXPECT_EQ(Step->TheRole, Role::Step);
  EXPECT_EQ(Step->RowCode, 100);
  EXPECT_EQ(Step->DoneCode, 101);
  EXPECT_EQ(Step->Api->Dialect, sql::Dialect::SQLite);
  const FunctionRule *Exec = C->function("pqxx::transaction_base::exec");
  ASSERT_NE(Exec, nullptr);
  EXPECT_EQ(Exec->ConnectionArg, ObjectArg);
  EXPECT_EQ(Exec->SqlArg, 0);
  const TypeRule *Txn = C->type("pqxx::transaction");
  ASSERT_NE(Txn, nullptr);
  EXPECT_EQ(Txn->IsolationNames.lookup("serializable"),
            sql::Isolation::Serializable);
  EXPECT_TRUE(C->isUniqueViolationState("23505"));
  EXPECT_TRUE(C->isUniqueViolationCode(2067));
  EXPECT_FALSE(C->isUniqueViolationCode(5));
  EXPECT_TRUE(C->isUniqueViolationException("pqxx::unique_violation"));
}

TEST(Catalogue, MinimalFile) {
  auto C = Catalogue::loadText(
      {{"m.json", R"({"schema": 1, "library": "x", "source": "y",
          "functions": [{"name": "::run", "role": "execute",
                         "connection_arg": 0, "sql_arg": 1}]})"}});
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  ASSERT_NE(C->function("run"), nullptr);
  EXPECT_EQ(C->function("run")->SqlArg, 1);
}

TEST(Catalogue, SyntaxErrorHasLineAndColumn) {
  EXPECT_EQ(loadError("{\n  \"schema\": 1,\n  \"library\" \"x\"\n}"),
            "r.json:3:15: invalid JSON: syntax error while parsing object "
            "separator - unexpected string literal; expected ':'");
}

TEST(Catalogue, UnknownKeySuggestsTheClosest) {
  EXPECT_EQ(loadError("{\"schema\": 1, \"library\": \"x\", \"source\": \"y\",\n"
                      " \"fuctions\": []}"),
            "r.json:2:2: unknown key 'fuctions'; did you mean 'functions'?");
}

TEST(Catalogue, WrongTypeIsNamed) {
  EXPECT_EQ(loadError("{\"schema\": 1, \"library\": 3, \"source\": \"y\"}"),
            "r.json:1:26: 'library' must be a string, found number");
}

TEST(Catalogue, BadArgumentIndex) {
  EXPECT_EQ(
      loadError("{\"schema\": 1, \"library\": \"x\", \"source\": \"y\",\n"
                " \"functions\": [{\"name\": \"f\", \"role\": \"execute\",\n"
                "   \"connection_arg\": 0, \"sql_arg\": -1}]}"),
      "r.json:3:36: 'sql_arg' must be an argument index from 0 to 64, "
      "\"object\" or \"return\", found -1");
}

TEST(Catalogue, RoleNeedsItsArguments) {
  EXPECT_EQ(loadError("{\"schema\": 1, \"library\": \"x\", \"source\": \"y\",\n"
                      " \"functions\": [{\"name\": \"f\", \"role\": \"execute\","
                      " \"sql_arg\": 0}]}"),
            "r.json:2:16: role \"execute\" needs 'connection_arg'");
}

TEST(Catalogue, UnknownRoleListsTheRoles) {
  std::string E =
      loadError("{\"schema\": 1, \"library\": \"x\", \"source\": \"y\",\n"
                " \"functions\": [{\"name\": \"f\", \"role\": \"run\"}]}");
  EXPECT_EQ(E.substr(0, 40), "r.json:2:38: unknown role \"run\"; expecte");
}

TEST(Catalogue, NothingIsHalfApplied) {
  auto C = Catalogue::loadText(
      {{"good.json", R"({"schema": 1, "library": "a", "source": "s"})"},
       {"bad.json", R"({"schema": 2, "library": "b", "source": "s"})"}});
  ASSERT_FALSE(static_cast<bool>(C));
  EXPECT_EQ(llvm::toString(C.takeError()),
            "bad.json:1:12: unsupported schema version 2; this sqlrace reads "
            "schema 1");
}

TEST(Catalogue, DuplicateFunctionAcrossFiles) {
  std::string F = R"({"schema": 1, "library": "a", "source": "s",
    "functions": [{"name": "g", "role": "parse_int", "value_arg": 0}]})";
  auto C = Catalogue::loadText({{"a.json", F}, {"b.json", F}});
  ASSERT_FALSE(static_cast<bool>(C));
  EXPECT_EQ(llvm::toString(C.takeError()),
            "b.json: function 'g' is already described in a.json");
}

TEST(Catalogue, ConditionalRules) {
  auto C = Catalogue::loadText({{"c.json", R"({"schema": 1, "library": "a", "source": "s",
    "functions": [
      {"name": "::attr", "role": "txn_begin", "connection_arg": 0,
       "when": {"1": ["MODE", 7], "2": ["OFF"]}},
      {"name": "::attr", "role": "set_isolation", "connection_arg": 0,
       "isolation_arg": 2, "isolation_names": {"SER": "serializable"},
       "when": {"1": ["LEVEL"]}},
      {"name": "::attr", "role": "parse_int", "value_arg": 0}]})"}});
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  llvm::ArrayRef<FunctionRule> Rules = C->conditional("attr", 3);
  ASSERT_EQ(Rules.size(), 2u);
  EXPECT_EQ(Rules[0].TheRole, Role::TxnBegin);
  ASSERT_EQ(Rules[0].When.size(), 2u);
  EXPECT_EQ(Rules[0].When[0].Arg, 1);
  EXPECT_EQ(Rules[0].When[0].Names, std::vector<std::string>{"MODE"});
  EXPECT_EQ(Rules[0].When[0].Values, std::vector<int64_t>{7});
  EXPECT_EQ(Rules[1].IsolationNames.lookup("SER"), sql::Isolation::Serializable);
  EXPECT_EQ(Rules[1].maxArgIndex(), 2);
  ASSERT_NE(C->function("attr"), nullptr);
  EXPECT_EQ(C->function("attr")->TheRole, Role::ParseInt);
}

TEST(Catalogue, BadWhen) {
  EXPECT_EQ(loadError("{\"schema\": 1, \"library\": \"x\", \"source\": \"y\",\n"
                      " \"functions\": [{\"name\": \"f\", \"role\": \"txn_begin\","
                      " \"connection_arg\": 0, \"when\": {\"one\": [1]}}]}"),
            "r.json:2:81: 'when' keys must be argument indexes from 0 to 64, "
            "found \"one\"");
  EXPECT_EQ(loadError("{\"schema\": 1, \"library\": \"x\", \"source\": \"y\",\n"
                      " \"functions\": [{\"name\": \"f\", \"role\": \"txn_begin\","
                      " \"connection_arg\": 0, \"when\": {\"1\": [true]}}]}"),
            "r.json:2:87: expected a constant name or an integer, found boolean");
}

TEST(Catalogue, SetIsolationNeedsNames) {
  EXPECT_EQ(loadError("{\"schema\": 1, \"library\": \"x\", \"source\": \"y\",\n"
                      " \"functions\": [{\"name\": \"f\", \"role\": \"set_isolation\","
                      " \"connection_arg\": 0, \"isolation_arg\": 1}]}"),
            "r.json:2:16: role \"set_isolation\" needs 'isolation_names'");
}

TEST(Catalogue, ReturnsValueOnlyOnExecute) {
  EXPECT_EQ(loadError("{\"schema\": 1, \"library\": \"x\", \"source\": \"y\",\n"
                      " \"functions\": [{\"name\": \"f\", \"role\": \"parse_int\","
                      " \"value_arg\": 0, \"returns_value\": true}]}"),
            "r.json:2:84: 'returns_value' applies to role \"execute\" only");
}

TEST(Catalogue, BundledRulesForIssue6Gaps) {
  auto C = Catalogue::load(defaultRulesFiles());
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->conditional("SQLSetConnectAttr").size(), 3u);
  EXPECT_EQ(C->conditional("SQLEndTran").size(), 2u);
  ASSERT_NE(C->function("SQLEndTran"), nullptr);
  const TypeRule *Once = C->type("soci::details::once_type");
  ASSERT_NE(Once, nullptr);
  EXPECT_EQ(Once->TheRole, TypeRole::Facet);
  EXPECT_TRUE(C->isUniqueViolationName("soci::soci_error::constraint_violation"));
  const FunctionRule *Value = C->function("pqxx::transaction_base::query_value");
  ASSERT_NE(Value, nullptr);
  EXPECT_TRUE(Value->ReturnsValue);
  const FunctionRule *Driver = C->function("SQLDriverConnect");
  ASSERT_NE(Driver, nullptr);
  EXPECT_EQ(Driver->DialectMatch, NameMatch::Contains);
  const TypeRule *Query = C->type("userver::storages::Query");
  ASSERT_NE(Query, nullptr);
  EXPECT_EQ(Query->TheRole, TypeRole::StatementText);
  EXPECT_EQ(Query->SqlCtorArg, 0);
}

TEST(Catalogue, StatementTextNeedsItsArgument) {
  EXPECT_EQ(loadError("{\"schema\": 1, \"library\": \"x\", \"source\": \"y\",\n"
                      " \"types\": [{\"name\": \"Q\", \"role\": \"statement_text\"}]}"),
            "r.json:2:12: type role \"statement_text\" needs 'sql_ctor_arg'");
}

} // namespace

// Inputs (issue 11): nesting, huge numbers and positions.

TEST(JsonText, DeepNestingIsRefusedBeforeParsing) {
  // 100,000 levels: once a segfault after 3 GB of pointer strings.
  std::string Deep = "{\"functions\": " + std::string(100000, '[') +
                     std::string(100000, ']') + "}";
  EXPECT_EQ(loadError(Deep),
            "r.json:1:142: invalid JSON: nested deeper than 128 levels");
  EXPECT_EQ(findDeepNesting("[[[]]]", 3), std::nullopt);
  EXPECT_EQ(findDeepNesting("[[[[]]]]", 3), 3u);
  // Brackets inside strings do not count.
  EXPECT_EQ(findDeepNesting("[\"[[[[\\\"[[\"]", 2), std::nullopt);
}

// The parser of baselines and compilation databases (llvm::json).
TEST(JsonText, BoundedJsonParsesOrSaysWhere) {
  auto Doc = parseBoundedJson("d.json", "{\"a\": [1, 2]}");
  ASSERT_TRUE(static_cast<bool>(Doc)) << llvm::toString(Doc.takeError());
  EXPECT_EQ(Doc->getAsObject()->getArray("a")->size(), 2u);

  auto message = [](llvm::StringRef Text) {
    auto Doc = parseBoundedJson("d.json", Text);
    return Doc ? "" : llvm::toString(Doc.takeError());
  };
  // 1-based columns of the offending character, not llvm::json's 0-based
  // column past it.
  EXPECT_EQ(message("{\"a\": 1,\n \"b\": [}"),
            "d.json:2:8: invalid JSON: Invalid JSON value");
  // A text that ends early: at its last character.
  EXPECT_EQ(message("[1, 2"),
            "d.json:1:5: invalid JSON: Expected , or ] after array element");
  std::string Deep =
      std::string(MaxJsonDepth + 1, '[') + std::string(MaxJsonDepth + 1, ']');
  EXPECT_EQ(message(Deep), "d.json:1:" + std::to_string(MaxJsonDepth + 1) +
                               ": invalid JSON: nested deeper than 128 levels");
  // At the bound itself: parsed.
  std::string AtBound =
      std::string(MaxJsonDepth, '[') + std::string(MaxJsonDepth, ']');
  EXPECT_EQ(message(AtBound), "");
}

TEST(JsonText, PositionsAtAnyDepthWithoutRecursion) {
  std::string Deep = std::string(100000, '[') + "1" + std::string(100000, ']');
  JsonPositions P(Deep);
  std::string Pointer;
  for (int I = 0; I < 100000; ++I)
    Pointer += "/0";
  EXPECT_EQ(P.offsetOf(Pointer), 100000u);
  EXPECT_EQ(P.offsetOf("/0/0"), 2u);
  // A missing member: the nearest enclosing value.
  EXPECT_EQ(P.offsetOf("/0/1"), 1u);
}

TEST(JsonText, PositionsOfKeysAndValues) {
  std::string Text = "{\n  \"a\": [1, {\"b~/\": true}],\n  \"c\\u0064\": 2,\n"
                     "  \"a\": {\"x\": null}\n}";
  JsonPositions P(Text);
  // The last of duplicate keys, as nlohmann keeps.
  EXPECT_EQ(P.where("f", "/a"), "f:4:8");
  EXPECT_EQ(P.where("f", "/a", /*Key=*/true), "f:4:3");
  EXPECT_EQ(P.where("f", "/cd"), "f:3:14");
  EXPECT_EQ(P.where("f", "/a/x"), "f:4:14");
  EXPECT_EQ(P.where("f", "/a/nope"), "f:4:8");
  JsonPositions Q("{\"a\": [1, {\"b~/\": true}]}");
  EXPECT_EQ(Q.where("f", "/a/1/b~0~1"), "f:1:19");
  EXPECT_EQ(Q.where("f", "/a/7"), "f:1:7");
}

TEST(JsonText, LineTable) {
  std::string Text = "ab\ncd\n\nef";
  LineTable T(Text);
  for (size_t I = 0; I <= Text.size(); ++I)
    EXPECT_EQ(T.lineColumn(I), lineColumn(Text, I)) << I;
  EXPECT_EQ(T.lineColumn(0), std::make_pair(1u, 1u));
  EXPECT_EQ(T.lineColumn(3), std::make_pair(2u, 1u));
  EXPECT_EQ(T.lineColumn(7), std::make_pair(4u, 1u));
  EXPECT_EQ(T.lineColumn(100), std::make_pair(4u, 3u));
}

TEST(JsonText, NumberOutOfRangeIsAnErrorWithPosition) {
  // Once std::terminate: json::parse throws out_of_range (406), which the
  // loader did not catch.
  EXPECT_EQ(loadError("{\"library\": \"x\",\n \"functions\": [1e400]}"),
            "r.json:2:16: invalid JSON: number overflow parsing '1e400'");
  EXPECT_EQ(loadError("{\"library\": -1e999}"),
            "r.json:1:13: invalid JSON: number overflow parsing '-1e999'");
  EXPECT_EQ(loadError("{\"library\": \"x\"\n\"functions\": []}"),
            "r.json:2:11: invalid JSON: syntax error while parsing object - "
            "unexpected string literal; expected '}'");
}

TEST(JsonText, ManyWrapperRulesLoadFast) {
  // 16,000 functions with one error at the end: positions are found by one
  // walk, not by an index of every value built up front.
  std::string Text = "{\"schema\": 1, \"library\": \"big\", \"source\": \"s\",\n"
                     "\"functions\": [\n";
  for (int I = 0; I < 16000; ++I)
    Text += "  {\"name\": \"f" + std::to_string(I) +
            "\", \"role\": \"execute\", \"connection_arg\": 0, "
            "\"sql_arg\": 1},\n";
  Text += "  {\"name\": \"last\", \"role\": \"nope\"}\n]}";
  std::string Error = loadError(Text);
  EXPECT_EQ(Error.substr(0, 17), "r.json:16003:28: ") << Error;
}

TEST(JsonText, RefusesNonRegularFiles) {
  auto Zero = readRegularFile("/dev/zero");
  ASSERT_FALSE(static_cast<bool>(Zero));
  EXPECT_EQ(llvm::toString(Zero.takeError()),
            "not a regular file (a character device)");
  auto Dir = readRegularFile("/");
  ASSERT_FALSE(static_cast<bool>(Dir));
  EXPECT_EQ(llvm::toString(Dir.takeError()), "not a regular file (a directory)");
  EXPECT_EQ(formatLimit(MaxInputFileBytes), "64 MB");
}

TEST(JsonText, LongValuesAreCutInMessages) {
  std::string Many = "[";
  for (int I = 0; I < 100000; ++I)
    Many += (I ? "," : "") + std::to_string(I);
  Many += "]";
  std::string Error = loadError(
      "{\"schema\": 1, \"library\": \"x\", \"source\": \"s\", \"functions\": "
      "[{\"name\": \"f\", \"role\": \"execute\", \"connection_arg\": 0, "
      "\"sql_arg\": " + Many + "}]}");
  EXPECT_EQ(Error, "r.json:1:125: 'sql_arg' must be an argument index from 0 "
                   "to 64, \"object\" or \"return\", found "
                   "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,"
                   "...");
}

// The warnings about a config's wrappers, from the calls recorded.
class WrapperUsageTest : public ::testing::Test {
protected:
  void SetUp() override {
    auto Loaded = Catalogue::loadConfigText(".sqlrace.json", R"({"wrappers": [
  {"name": "Db::query", "role": "execute", "connection_arg": "object", "sql_arg": 0},
  {"name": "ns::app::Db::run", "role": "execute", "connection_arg": "object", "sql_arg": 0},
  {"name": "app::Db::qurey", "role": "execute", "connection_arg": "object", "sql_arg": 0},
  {"name": "app::Cache::evict", "role": "txn_begin", "connection_arg": "object"},
  {"name": "app::Db::exec", "params": 2, "role": "execute", "connection_arg": "object", "sql_arg": 0},
  {"name": "app::Db::begin", "role": "txn_begin", "connection_arg": "object"},
  {"name": "app::Db::send", "role": "execute", "connection_arg": "object", "sql_arg": 0},
  {"name": "app::Db::post", "role": "execute", "connection_arg": "object", "sql_arg": 1},
  {"name": "app::Db::call", "role": "execute", "connection_arg": "object", "sql_arg": "object"}
]})",
                                            Config);
    ASSERT_TRUE(static_cast<bool>(Loaded)) << llvm::toString(Loaded.takeError());
    C.emplace(std::move(*Loaded));
  }
  std::vector<std::string> messages(bool WholeProgram) {
    std::vector<std::string> Out;
    for (const ConfigWarning &W : C->wrapperWarnings(WholeProgram))
      Out.push_back(W.File + ":" + std::to_string(W.Line) + ":" +
                    std::to_string(W.Column) + ": " +
                    kindName(W.TheKind).str() + ": " + W.Message);
    return Out;
  }
  ProjectConfig Config;
  std::optional<Catalogue> C;
};

TEST_F(WrapperUsageTest, EntriesThatMatchNothing) {
  for (auto [Name, Params] : std::vector<std::pair<const char *, int>>{
           {"app::Db::query", 2}, {"other::Db::queryAll", 1},
           {"app::Db::run", 1}, {"app::Db::exec", 1}, {"app::Db::exec", 3},
           {"app::Db::begin", 0}, {"std::vector::size", 0}})
    C->noteCallee(Name, Params);
  const std::string U = " matched no function in the analysed code";
  const std::string Pos = ".sqlrace.json:", Kind = ":3: unmatched-wrapper: ";
  EXPECT_EQ(
      messages(true),
      (std::vector<std::string>{
          // The called name ends with the entry's...
          Pos + "2" + Kind + "wrapper 'Db::query'" + U +
              "; did you mean 'app::Db::query'?",
          // ...or the entry's with the called name.
          Pos + "3" + Kind + "wrapper 'ns::app::Db::run'" + U +
              "; did you mean 'app::Db::run'?",
          // Else the closest by edits.
          Pos + "4" + Kind + "wrapper 'app::Db::qurey'" + U +
              "; did you mean 'app::Db::query'?",
          Pos + "5" + Kind + "wrapper 'app::Cache::evict'" + U,
          Pos + "6" + Kind + "wrapper 'app::Db::exec'" + U +
              "; its 'params' is 2, but the functions of that name the code "
              "calls take 1 or 3 parameters",
          Pos + "8" + Kind + "wrapper 'app::Db::send'" + U,
          Pos + "9" + Kind + "wrapper 'app::Db::post'" + U,
          Pos + "10" + Kind + "wrapper 'app::Db::call'" + U}));
  // On part of the program, only what a close name makes certain.
  std::vector<ConfigWarning> Part = C->wrapperWarnings(false);
  std::vector<std::pair<unsigned, std::string>> Got;
  for (const ConfigWarning &W : Part)
    Got.emplace_back(W.Line, W.Suggestion);
  EXPECT_EQ(Got, (std::vector<std::pair<unsigned, std::string>>{
                     {2, "app::Db::query"},
                     {3, "app::Db::run"},
                     {4, "app::Db::query"},
                     {6, ""}}));
}

TEST_F(WrapperUsageTest, SqlArgumentsThatNeverHoldText) {
  for (const char *Name : {"app::Db::send", "app::Db::post", "app::Db::call"})
    C->noteCallee(Name, 2);
  const std::string Hole(1, sql::HoleChar), Blank = " " + Hole + " ";
  const std::string Text = "SELECT 1 FROM t WHERE k = " + Hole;
  const FunctionRule *Send = C->function("app::Db::send");
  const FunctionRule *Post = C->function("app::Db::post");
  const FunctionRule *Call = C->function("app::Db::call");
  ASSERT_TRUE(Send && Post && Call);
  C->noteWrapperSql(*Send, &Hole);
  C->noteWrapperSql(*Send, &Blank);
  C->noteWrapperSql(*Send, nullptr);
  C->noteWrapperSql(*Post, &Hole); // one call with text is enough
  C->noteWrapperSql(*Post, &Text);
  C->noteWrapperSql(*Call, nullptr);
  std::vector<std::string> All = messages(true);
  ASSERT_GE(All.size(), 2u);
  const std::string Counting =
      "; arguments count from 0, the object of a member call not included";
  EXPECT_EQ(std::vector<std::string>(All.end() - 2, All.end()),
            (std::vector<std::string>{
                ".sqlrace.json:8:3: sql-arg-without-text: wrapper "
                "'app::Db::send' takes its SQL from argument 0 ('sql_arg'), "
                "but no call passes text there that sqlrace can read (only "
                "values known at run time)" +
                    Counting,
                ".sqlrace.json:10:3: sql-arg-without-text: wrapper "
                "'app::Db::call' takes its SQL from the object of the call "
                "('sql_arg'), but none of its calls has that argument" +
                    Counting}));
  // Another file may pass text: not said of part of the program.
  for (const std::string &M : messages(false))
    EXPECT_EQ(M.find("sql-arg-without-text"), std::string::npos) << M;
}
