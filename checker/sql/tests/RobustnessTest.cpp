//===- RobustnessTest.cpp - sqlrace ---------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Malformed, partial and hostile input: no crash, no hang, a Problem where
// the text could not be understood, and the facts that could be known.
//===----------------------------------------------------------------------===//

#include "TestUtil.h"
#include <random>

namespace sqlrace::sql::test {
namespace {

using test::operator<<;

/// Offsets and strings that every analysis must respect.
void expectSane(const std::string &Text, Dialect D) {
  std::vector<StatementFacts> All = analyzeSql(Text, D);
  ASSERT_FALSE(All.empty());
  size_t Last = 0;
  for (const StatementFacts &F : All) {
    EXPECT_LE(F.Begin, F.End);
    EXPECT_LE(F.End, Text.size());
    EXPECT_GE(F.Begin, Last);
    Last = F.End;
    EXPECT_TRUE(std::is_sorted(F.KeyColumns.begin(), F.KeyColumns.end()));
  }
}

//===-- Malformed statements
//-------------------------------------------------===//

struct MalformedCase {
  const char *Name;
  const char *Sql;
  StatementKind Kind;
  bool Problem;
  const char *Table = "";
};

const MalformedCase MalformedCases[] = {
    {"empty", "", StatementKind::Unknown, true},
    {"whitespace", "  \n\t ", StatementKind::Unknown, true},
    {"only_comment", "-- nothing here", StatementKind::Unknown, true},
    {"only_semicolons", ";;;", StatementKind::Unknown, true},
    {"unterminated_string", "SELECT 1 FROM users WHERE email = 'abc",
     StatementKind::Select, true, "users"},
    {"unterminated_ident", "SELECT 1 FROM \"users", StatementKind::Select,
     true},
    {"unterminated_comment", "SELECT 1 FROM users /* WHERE",
     StatementKind::Select, true, "users"},
    {"open_paren", "SELECT 1 FROM users WHERE id IN (1, 2",
     StatementKind::Select, true, "users"},
    {"close_paren", "SELECT 1 FROM users WHERE id = 1)", StatementKind::Select,
     true, "users"},
    {"garbage_word", "hello world", StatementKind::Unknown, true},
    {"garbage_punct", "=== ??? ###", StatementKind::Unknown, true},
    {"leading_hole", "~ FROM users WHERE id = ?", StatementKind::Unknown, true},
    {"select_nothing", "SELECT", StatementKind::Select, false},
    {"select_from_nothing", "SELECT 1 FROM", StatementKind::Select, false},
    {"where_nothing", "SELECT 1 FROM t WHERE", StatementKind::Select, false,
     "t"},
    {"insert_nothing", "INSERT", StatementKind::Insert, true},
    {"update_nothing", "UPDATE", StatementKind::Update, true},
    {"delete_nothing", "DELETE", StatementKind::Delete, true},
    {"merge_nothing", "MERGE", StatementKind::Merge, true},
    {"with_nothing", "WITH", StatementKind::Unknown, true},
    {"with_broken", "WITH x AS SELECT 1", StatementKind::Select, true},
    {"on_conflict_broken", "INSERT INTO t (a) VALUES (1) ON CONFLICT (a)",
     StatementKind::Insert, true, "t"},
    {"values_without_row", "INSERT INTO t (a) VALUES", StatementKind::Insert,
     true, "t"},
};

class MalformedTest : public testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedTest, KnownFactsAndProblem) {
  const MalformedCase &C = GetParam();
  std::string Sql = instantiate(C.Sql, Dialect::Unknown);
  std::vector<StatementFacts> All = analyzeSql(Sql);
  ASSERT_EQ(All.size(), 1u);
  EXPECT_EQ(All[0].Kind, C.Kind);
  EXPECT_EQ(!All[0].Problem.empty(), C.Problem) << All[0].Problem;
  EXPECT_EQ(All[0].Table, C.Table);
  expectSane(Sql, Dialect::Unknown);
}

INSTANTIATE_TEST_SUITE_P(Inputs, MalformedTest,
                         testing::ValuesIn(MalformedCases),
                         [](const testing::TestParamInfo<MalformedCase> &I) {
                           return std::string(I.param.Name);
                         });

TEST(Malformed, EmptyTextFacts) {
  std::vector<StatementFacts> All = analyzeSql("");
  ASSERT_EQ(All.size(), 1u);
  EXPECT_EQ(All[0].Kind, StatementKind::Unknown);
  EXPECT_EQ(All[0].Begin, 0u);
  EXPECT_EQ(All[0].End, 0u);
  EXPECT_EQ(All[0].Problem, "empty statement");
  EXPECT_FALSE(All[0].HasHoles);
}

TEST(Malformed, UnbalancedParensKeepKeys) {
  StatementFacts F = one("SELECT 1 FROM users WHERE email = ? AND (x = 1");
  EXPECT_EQ(F.KeyColumns, (Strings{"email"}));
  EXPECT_EQ(F.Problem, "unbalanced parentheses");
}

TEST(Malformed, ProblemStaysWithItsStatement) {
  std::vector<StatementFacts> All =
      analyzeSql("SELECT 1 FROM a WHERE k = ?; SELECT 'oops FROM b");
  ASSERT_EQ(All.size(), 2u);
  EXPECT_EQ(All[0].Problem, "");
  EXPECT_EQ(All[0].Existence, ExistenceForm::Constant);
  EXPECT_EQ(All[1].Problem, "unterminated string literal");
}

//===-- Holes
//----------------------------------------------------------------===//

TEST(Holes, TableIsHole) {
  StatementFacts F = one("SELECT 1 FROM ~ WHERE email = ?");
  EXPECT_TRUE(F.HasHoles);
  EXPECT_EQ(F.Table, "");
  EXPECT_TRUE(F.TablesRead.empty());
  EXPECT_EQ(F.KeyColumns, (Strings{"email"}));
  EXPECT_EQ(F.Existence, ExistenceForm::Constant);
  EXPECT_EQ(F.Problem, "");
}

TEST(Holes, TableSuffixIsHole) {
  StatementFacts F = one("SELECT 1 FROM users_~ WHERE email = ?");
  EXPECT_EQ(F.Table, "");
  EXPECT_TRUE(F.HasHoles);
}

TEST(Holes, TablePrefixAndSchemaHoles) {
  EXPECT_EQ(one("SELECT 1 FROM ~users WHERE a = ?").Table, "");
  EXPECT_EQ(one("SELECT 1 FROM ~.users WHERE a = ?").Table, "");
  EXPECT_EQ(one("SELECT 1 FROM app.~ WHERE a = ?").Table, "");
  EXPECT_EQ(one("DELETE FROM ~ WHERE a = ?").Table, "");
  EXPECT_EQ(one("UPDATE ~ SET a = 1 WHERE b = ?").Table, "");
}

TEST(Holes, HoleInsideQuotedIdentifier) {
  StatementFacts F =
      one("SELECT 1 FROM \"us~ers\" WHERE a = ?", Dialect::PostgreSQL);
  EXPECT_EQ(F.Table, "");
  EXPECT_TRUE(F.TablesRead.empty());
  EXPECT_TRUE(F.HasHoles);
  EXPECT_EQ(one("DELETE FROM `t~` WHERE a = ?", Dialect::MySQL).Table, "");
  StatementFacts U = one("UPDATE [a~b] SET n = 1 FROM s", Dialect::SQLServer);
  EXPECT_EQ(U.Table, "");
  EXPECT_TRUE(U.TablesWritten.empty());
  EXPECT_EQ(U.TablesRead, (Strings{"s"}));
  EXPECT_EQ(one("INSERT INTO app.\"x~\" (a) VALUES (1)").Table, "");
}

TEST(Holes, HoleAsAlias) {
  StatementFacts F = one("SELECT 1 FROM users ~ WHERE email = ?");
  EXPECT_EQ(F.Table, "users");
  EXPECT_TRUE(F.HasHoles);
}

TEST(Holes, ValueHoleIsAKey) {
  StatementFacts F = one("SELECT id FROM users WHERE email = '~' AND org = ~");
  EXPECT_EQ(F.KeyColumns, (Strings{"email", "org"}));
  EXPECT_EQ(F.Existence, ExistenceForm::Columns);
  EXPECT_TRUE(F.HasHoles);
}

TEST(Holes, ColumnHoleIsNoKey) {
  StatementFacts F = one("SELECT 1 FROM users WHERE ~ = ? AND email~ = ?");
  EXPECT_TRUE(F.KeyColumns.empty());
  EXPECT_EQ(F.Existence, ExistenceForm::None);
}

TEST(Holes, WhereIsHole) {
  StatementFacts F = one("SELECT 1 FROM users WHERE ~");
  EXPECT_EQ(F.Table, "users");
  EXPECT_TRUE(F.KeyColumns.empty());
  EXPECT_EQ(F.Existence, ExistenceForm::None);
}

TEST(Holes, ExtraConditionHole) {
  StatementFacts F = one("SELECT 1 FROM users WHERE email = ? AND ~");
  EXPECT_EQ(F.KeyColumns, (Strings{"email"}));
  EXPECT_EQ(F.Existence, ExistenceForm::Constant);
}

TEST(Holes, SelectListHole) {
  StatementFacts F = one("SELECT ~ FROM users WHERE email = ?");
  EXPECT_EQ(F.Existence, ExistenceForm::Columns);
  EXPECT_EQ(F.SelectedColumns, (Strings{"\x01"}));
}

TEST(Holes, HolesEverywhere) {
  std::string Sql = "~ ~ ~ ( ~ ; ~ ) ~ = ~ ' ~ ' ~";
  std::vector<StatementFacts> All =
      analyzeSql(instantiate(Sql, Dialect::Unknown));
  ASSERT_EQ(All.size(), 2u);
  for (const StatementFacts &F : All) {
    EXPECT_TRUE(F.HasHoles);
    EXPECT_EQ(F.Kind, StatementKind::Unknown);
    EXPECT_NE(F.Problem, "");
  }
}

TEST(Holes, OnlyInsideString) {
  StatementFacts F = one("SELECT 1 FROM t WHERE a = 'x~y'");
  EXPECT_TRUE(F.HasHoles);
  EXPECT_EQ(F.KeyColumns, (Strings{"a"}));
}

TEST(Holes, NoHoles) {
  EXPECT_FALSE(one("SELECT 1 FROM t WHERE a = ?").HasHoles);
}

//===-- Garbage and scale
//----------------------------------------------------===//

TEST(Garbage, RandomBytesInEveryDialect) {
  std::mt19937 Rng(12345);
  std::uniform_int_distribution<int> Byte(0, 255);
  for (Dialect D : AllDialects)
    for (int Round = 0; Round < 300; ++Round) {
      std::string Text(static_cast<size_t>(Byte(Rng)), '\0');
      for (char &C : Text)
        C = static_cast<char>(Byte(Rng));
      expectSane(Text, D);
      (void)rewriteAsAtomicInsert(Text, {"k"}, D);
    }
}

TEST(Garbage, RandomSqlFragments) {
  static const char *const Pieces[] = {
      "SELECT",  "INSERT", "INTO",  "UPDATE", "SET",    "DELETE",   "FROM",
      "WHERE",   "AND",    "OR",    "NOT",    "EXISTS", "(",        ")",
      ",",       ";",      "=",     "?",      "$1",     "'",        "\"",
      "`",       "[",      "]",     "$$",     "--",     "/*",       "*/",
      "\x01",    "t",      "a",     "1",      "ON",     "CONFLICT", "DO",
      "NOTHING", "MERGE",  "USING", "WITH",   "AS",     "BEGIN",    "END",
      "CASE",    "WHEN",   "LOCK",  "TABLES", "IN",     "VALUES",   ".",
      "::",      "%s",     "{}",    "@x",     ":n",     "#",        "\n",
      "FOR",     "UPDATE", "LIMIT"};
  std::mt19937 Rng(777);
  std::uniform_int_distribution<size_t> Pick(0, std::size(Pieces) - 1);
  std::uniform_int_distribution<int> Len(0, 40);
  for (Dialect D : AllDialects)
    for (int Round = 0; Round < 400; ++Round) {
      std::string Text;
      for (int I = Len(Rng); I > 0; --I) {
        Text += Pieces[Pick(Rng)];
        Text += ' ';
      }
      expectSane(Text, D);
      (void)rewriteAsAtomicInsert(Text, {"a"}, D);
    }
}

TEST(Scale, OneMegabyteStatement) {
  // One SELECT with a huge IN list and a long AND chain: must stay linear.
  std::string Sql = "SELECT 1 FROM users WHERE email = ? AND id IN (";
  while (Sql.size() < (1u << 20))
    Sql += "12345, ";
  Sql += "0)";
  for (int I = 0; I < 2000; ++I)
    Sql += " AND c" + std::to_string(I) + " = ?";
  std::vector<StatementFacts> All = analyzeSql(Sql);
  ASSERT_EQ(All.size(), 1u);
  EXPECT_EQ(All[0].Kind, StatementKind::Select);
  EXPECT_EQ(All[0].Table, "users");
  EXPECT_EQ(All[0].KeyColumns.size(), 2002u);
  EXPECT_EQ(All[0].Existence, ExistenceForm::Constant);
}

TEST(Scale, DeepNesting) {
  std::string Sql = "SELECT 1 FROM t WHERE ";
  for (int I = 0; I < 100000; ++I)
    Sql += "(";
  Sql += "a = ?";
  for (int I = 0; I < 100000; ++I)
    Sql += ")";
  StatementFacts F = analyzeSql(Sql).front();
  EXPECT_EQ(F.KeyColumns, (Strings{"a"}));

  // Unclosed and nested EXISTS: depth-limited, no stack overflow.
  std::string Deep;
  for (int I = 0; I < 20000; ++I)
    Deep += "SELECT EXISTS (";
  expectSane(Deep, Dialect::Unknown);
  std::string Conj = "SELECT 1 FROM t WHERE ";
  for (int I = 0; I < 20000; ++I)
    Conj += "(a = ? AND ";
  expectSane(Conj, Dialect::Unknown);
}

TEST(Scale, ManyStatementsAndLongLiterals) {
  std::string Text;
  for (int I = 0; I < 20000; ++I)
    Text += "INSERT INTO t (a) VALUES ('" + std::string(20, 'x') + "');";
  std::vector<StatementFacts> All = analyzeSql(Text, Dialect::SQLite);
  ASSERT_EQ(All.size(), 20000u);
  EXPECT_EQ(All.back().Kind, StatementKind::Insert);
  std::string Long =
      "SELECT '" + std::string(1 << 20, 'y') + "' FROM t WHERE k = ?";
  EXPECT_EQ(one(Long).KeyColumns, (Strings{"k"}));
  std::string Unterminated = "SELECT 1 /*" + std::string(1 << 20, '*');
  expectSane(Unterminated, Dialect::PostgreSQL);
}

TEST(Scale, ManyWithAndCommas) {
  std::string Sql;
  for (int I = 0; I < 50000; ++I)
    Sql += "WITH ";
  expectSane(Sql, Dialect::Unknown);
  std::string From = "SELECT 1 FROM a";
  for (int I = 0; I < 50000; ++I)
    From += ", t" + std::to_string(I);
  StatementFacts F = one(From);
  EXPECT_EQ(F.TablesRead.size(), 50001u);
}

//===-- Limits are reported, not silent
//---------------------------------------===//

TEST(Limits, NestingPastTheDepthBoundIsReported) {
  // 60 nested EXISTS: past the parser's depth bound, which says so.
  std::string Deep = "SELECT 1 FROM t WHERE id = $1";
  for (int I = 0; I < 60; ++I)
    Deep = "SELECT EXISTS (" + Deep + ")";
  std::vector<StatementFacts> All = analyzeSql(Deep, Dialect::PostgreSQL);
  ASSERT_EQ(All.size(), 1u);
  EXPECT_EQ(All[0].LimitReached, "SQL nested more than 48 levels deep");
  // Ordinary nesting stays within it.
  std::vector<StatementFacts> Shallow = analyzeSql(
      "SELECT EXISTS (SELECT 1 FROM t WHERE id = $1)", Dialect::PostgreSQL);
  EXPECT_EQ(Shallow[0].LimitReached, "");
  EXPECT_EQ(Shallow[0].Table, "t");
}

} // namespace
} // namespace sqlrace::sql::test
