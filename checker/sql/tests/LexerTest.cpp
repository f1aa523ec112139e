//===- LexerTest.cpp - sqlrace --------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Tokenizer: quoting, comments, placeholders, holes, and statement splitting.
//===----------------------------------------------------------------------===//

#include "sqlrace/sql/Lexer.h"
#include "TestUtil.h"

namespace sqlrace::sql::test {
namespace {

using test::operator<<;

std::vector<std::string> texts(const std::vector<Token> &Toks) {
  std::vector<std::string> Out;
  for (const Token &T : Toks)
    Out.push_back(T.Text.str());
  return Out;
}

//===-- One token of a given kind
//---------------------------------------------===//

struct TokenCase {
  const char *Name;
  const char *Sql; ///< the whole input; must lex to Token + "x"
  Dialect D;
  TokenKind Kind;
  const char *Token; ///< expected text of the first token
};

// gtest prints parameters in test names; a name reads better than bytes.
[[maybe_unused]] void PrintTo(const TokenCase &C, std::ostream *OS) {
  *OS << C.Name;
}

const TokenCase TokenCases[] = {
    {"bare_word", "Users x", Dialect::Unknown, TokenKind::Word, "Users"},
    {"word_with_dollar", "a$b x", Dialect::PostgreSQL, TokenKind::Word, "a$b"},
    {"utf8_word", "n\xC3\xA4me x", Dialect::Unknown, TokenKind::Word,
     "n\xC3\xA4me"},
    {"double_quoted", "\"My \"\"T\"\"\" x", Dialect::PostgreSQL,
     TokenKind::QuotedIdent, "\"My \"\"T\"\"\""},
    {"backtick", "`my t` x", Dialect::MySQL, TokenKind::QuotedIdent, "`my t`"},
    {"bracket", "[my]]t] x", Dialect::SQLServer, TokenKind::QuotedIdent,
     "[my]]t]"},
    {"bracket_sqlite", "[t] x", Dialect::SQLite, TokenKind::QuotedIdent, "[t]"},
    {"mysql_double_quote_is_string", "\"a\\\"b\" x", Dialect::MySQL,
     TokenKind::String, "\"a\\\"b\""},
    {"string", "'it''s' x", Dialect::Unknown, TokenKind::String, "'it''s'"},
    {"string_with_semicolon", "'a;b' x", Dialect::Unknown, TokenKind::String,
     "'a;b'"},
    {"escape_string", "E'a\\'b' x", Dialect::PostgreSQL, TokenKind::String,
     "E'a\\'b'"},
    {"mysql_backslash", "'a\\'b' x", Dialect::MySQL, TokenKind::String,
     "'a\\'b'"},
    {"pg_backslash_is_literal", "'C:\\' x", Dialect::PostgreSQL,
     TokenKind::String, "'C:\\'"},
    {"unknown_backslash_fallback", "'it\\'s' x", Dialect::Unknown,
     TokenKind::String, "'it\\'s'"},
    {"national", "N'caf\xC3\xA9' x", Dialect::SQLServer, TokenKind::String,
     "N'caf\xC3\xA9'"},
    {"hex", "X'0A' x", Dialect::SQLite, TokenKind::String, "X'0A'"},
    {"dollar_quote", "$$ a ' b; $$ x", Dialect::PostgreSQL, TokenKind::String,
     "$$ a ' b; $$"},
    {"tagged_dollar_quote", "$fn$ $$ ; $fn$ x", Dialect::PostgreSQL,
     TokenKind::String, "$fn$ $$ ; $fn$"},
    {"integer", "42 x", Dialect::Unknown, TokenKind::Number, "42"},
    {"decimal", "3.25e-2 x", Dialect::Unknown, TokenKind::Number, "3.25e-2"},
    {"leading_dot", ".5 x", Dialect::Unknown, TokenKind::Number, ".5"},
    {"hex_number", "0xFF x", Dialect::MySQL, TokenKind::Number, "0xFF"},
    {"question", "? x", Dialect::Unknown, TokenKind::Placeholder, "?"},
    {"question_number", "?12 x", Dialect::SQLite, TokenKind::Placeholder,
     "?12"},
    {"dollar_number", "$1 x", Dialect::PostgreSQL, TokenKind::Placeholder,
     "$1"},
    {"dollar_number_unknown", "$12 x", Dialect::Unknown, TokenKind::Placeholder,
     "$12"},
    {"colon_name", ":email x", Dialect::Unknown, TokenKind::Placeholder,
     ":email"},
    {"at_name", "@email x", Dialect::SQLite, TokenKind::Placeholder, "@email"},
    {"at_p1", "@p1 x", Dialect::SQLServer, TokenKind::Placeholder, "@p1"},
    {"dollar_name", "$email x", Dialect::SQLite, TokenKind::Placeholder,
     "$email"},
    {"printf_s", "%s x", Dialect::Unknown, TokenKind::Placeholder, "%s"},
    {"printf_d", "%d x", Dialect::Unknown, TokenKind::Placeholder, "%d"},
    {"printf_lld", "%lld x", Dialect::Unknown, TokenKind::Placeholder, "%lld"},
    {"pyformat", "%(email)s x", Dialect::Unknown, TokenKind::Placeholder,
     "%(email)s"},
    {"fmt_empty", "{} x", Dialect::Unknown, TokenKind::Placeholder, "{}"},
    {"fmt_index", "{0} x", Dialect::Unknown, TokenKind::Placeholder, "{0}"},
    {"fmt_spec", "{:s} x", Dialect::Unknown, TokenKind::Placeholder, "{:s}"},
    {"qstring_arg", "%1 x", Dialect::Unknown, TokenKind::Placeholder, "%1"},
    {"hole", "\x01 x", Dialect::Unknown, TokenKind::Hole, "\x01"},
    {"sysvar", "@@ROWCOUNT x", Dialect::SQLServer, TokenKind::Word,
     "@@ROWCOUNT"},
    {"temp_table", "#tmp x", Dialect::SQLServer, TokenKind::Word, "#tmp"},
    {"cast_operator", ":: x", Dialect::PostgreSQL, TokenKind::Punct, "::"},
    {"not_equal", "<> x", Dialect::Unknown, TokenKind::Punct, "<>"},
    {"null_safe_equal", "<=> x", Dialect::MySQL, TokenKind::Punct, "<=>"},
    {"percent_modulo", "% x", Dialect::Unknown, TokenKind::Punct, "%"},
};

class TokenKindTest : public testing::TestWithParam<TokenCase> {};

TEST_P(TokenKindTest, FirstToken) {
  const TokenCase &C = GetParam();
  std::vector<LexProblem> Problems;
  std::vector<Token> Toks = tokenize(C.Sql, C.D, &Problems);
  ASSERT_EQ(Toks.size(), 2u) << C.Sql;
  EXPECT_EQ(Toks[0].Kind, C.Kind);
  EXPECT_EQ(Toks[0].Text, C.Token);
  EXPECT_EQ(Toks[1].Text, "x");
  EXPECT_TRUE(Problems.empty());
}

INSTANTIATE_TEST_SUITE_P(Kinds, TokenKindTest, testing::ValuesIn(TokenCases),
                         [](const testing::TestParamInfo<TokenCase> &I) {
                           return std::string(I.param.Name);
                         });

//===-- Comments and whitespace
//------------------------------------------------===//

TEST(Lexer, CommentsAreDropped) {
  std::vector<Token> Toks =
      tokenize("SELECT /* a; b */ 1 -- c; d\n FROM t", Dialect::Unknown);
  EXPECT_EQ(texts(Toks), (Strings{"SELECT", "1", "FROM", "t"}));
  EXPECT_TRUE(Toks[1].SpaceBefore);
}

TEST(Lexer, MySqlHashComment) {
  EXPECT_EQ(texts(tokenize("SELECT 1 # x; y\nFROM t", Dialect::MySQL)),
            (Strings{"SELECT", "1", "FROM", "t"}));
}

TEST(Lexer, PostgresNestedComment) {
  EXPECT_EQ(texts(tokenize("SELECT /* a /* b */ c */ 1", Dialect::PostgreSQL)),
            (Strings{"SELECT", "1"}));
}

TEST(Lexer, SpaceBeforeTracksAdjacency) {
  std::vector<Token> Toks = tokenize("a.b c", Dialect::Unknown);
  ASSERT_EQ(Toks.size(), 4u);
  EXPECT_FALSE(Toks[1].SpaceBefore);
  EXPECT_FALSE(Toks[2].SpaceBefore);
  EXPECT_TRUE(Toks[3].SpaceBefore);
  EXPECT_EQ(Toks[3].Offset, 4u);
}

TEST(Lexer, KeywordsAreCaseInsensitive) {
  std::vector<Token> Toks = tokenize("sElEcT", Dialect::Unknown);
  ASSERT_EQ(Toks.size(), 1u);
  EXPECT_TRUE(Toks[0].isWord("SELECT"));
  EXPECT_TRUE(Toks[0].isWord("select"));
}

TEST(Lexer, PostgresArrayBracketIsPunct) {
  std::vector<Token> Toks = tokenize("a[1]", Dialect::PostgreSQL);
  EXPECT_EQ(texts(Toks), (Strings{"a", "[", "1", "]"}));
}

TEST(Lexer, TaggedDollarNeedsItsOwnTag) {
  std::vector<Token> Toks = tokenize("$a$ $b$ $a$", Dialect::PostgreSQL);
  ASSERT_EQ(Toks.size(), 1u);
  EXPECT_EQ(Toks[0].Kind, TokenKind::String);
}

TEST(Lexer, AdjacentHoles) {
  std::vector<Token> Toks = tokenize("a\x01\x01 b", Dialect::Unknown);
  ASSERT_EQ(Toks.size(), 4u);
  EXPECT_EQ(Toks[1].Kind, TokenKind::Hole);
  EXPECT_EQ(Toks[2].Kind, TokenKind::Hole);
  EXPECT_FALSE(Toks[1].SpaceBefore);
}

//===-- Problems
//------------------------------------------------------------------===//

struct UnterminatedCase {
  const char *Name;
  const char *Sql;
  Dialect D;
};

const UnterminatedCase UnterminatedCases[] = {
    {"string", "SELECT 'abc", Dialect::Unknown},
    {"quoted_ident", "SELECT \"abc", Dialect::PostgreSQL},
    {"backtick", "SELECT `abc", Dialect::MySQL},
    {"bracket", "SELECT [abc", Dialect::SQLServer},
    {"comment", "SELECT 1 /* abc", Dialect::Unknown},
    {"dollar", "SELECT $$ abc", Dialect::PostgreSQL},
    {"escape_string", "SELECT E'abc\\'", Dialect::PostgreSQL},
};

class UnterminatedTest : public testing::TestWithParam<UnterminatedCase> {};

TEST_P(UnterminatedTest, ReportedAndBounded) {
  const UnterminatedCase &C = GetParam();
  std::vector<LexProblem> Problems;
  std::vector<Token> Toks = tokenize(C.Sql, C.D, &Problems);
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_NE(Problems[0].Message, "");
  for (const Token &T : Toks)
    EXPECT_LE(T.end(), std::string(C.Sql).size());
  std::vector<StatementFacts> All = analyzeSql(C.Sql, C.D);
  ASSERT_EQ(All.size(), 1u);
  EXPECT_EQ(All[0].Problem, Problems[0].Message);
}

INSTANTIATE_TEST_SUITE_P(Literals, UnterminatedTest,
                         testing::ValuesIn(UnterminatedCases),
                         [](const testing::TestParamInfo<UnterminatedCase> &I) {
                           return std::string(I.param.Name);
                         });

//===-- identifierName and matchParens
//----------------------------------------===//

TEST(IdentifierName, Normalisation) {
  auto Name = [](const char *Text, Dialect D) {
    std::vector<Token> Toks = tokenize(Text, D);
    return Toks.empty() ? std::string() : identifierName(Toks[0]);
  };
  EXPECT_EQ(Name("Users", Dialect::Unknown), "users");
  EXPECT_EQ(Name("\"Users\"", Dialect::PostgreSQL), "Users");
  EXPECT_EQ(Name("\"a\"\"b\"", Dialect::PostgreSQL), "a\"b");
  EXPECT_EQ(Name("`My``T`", Dialect::MySQL), "My`T");
  EXPECT_EQ(Name("[My]]T]", Dialect::SQLServer), "My]T");
  EXPECT_EQ(Name("'lit'", Dialect::Unknown), "'lit'");
}

TEST(MatchParens, NestedAndUnbalanced) {
  std::vector<Token> Toks = tokenize("( ( ) ) (", Dialect::Unknown);
  bool Unbalanced = false;
  std::vector<size_t> M = matchParens(Toks, &Unbalanced);
  EXPECT_EQ(M[0], 3u);
  EXPECT_EQ(M[1], 2u);
  EXPECT_EQ(M[4], Toks.size());
  EXPECT_TRUE(Unbalanced);
  matchParens(tokenize("(a)", Dialect::Unknown), &Unbalanced);
  EXPECT_FALSE(Unbalanced);
  matchParens(tokenize("a)", Dialect::Unknown), &Unbalanced);
  EXPECT_TRUE(Unbalanced);
}

//===-- Statement splitting
//----------------------------------------------------===//

TEST(Split, SemicolonsInStringsAndCommentsDoNotSplit) {
  std::string Text = "SELECT ';' FROM t; /* ; */ INSERT INTO t VALUES ('a;b') "
                     "-- ;\n; DELETE FROM t";
  std::vector<StatementFacts> All = analyzeSql(Text);
  ASSERT_EQ(All.size(), 3u);
  EXPECT_EQ(All[0].Kind, StatementKind::Select);
  EXPECT_EQ(All[1].Kind, StatementKind::Insert);
  EXPECT_EQ(All[2].Kind, StatementKind::Delete);
  EXPECT_EQ(Text.substr(All[0].Begin, All[0].End - All[0].Begin),
            "SELECT ';' FROM t");
  EXPECT_EQ(Text.substr(All[1].Begin, All[1].End - All[1].Begin),
            "INSERT INTO t VALUES ('a;b')");
  EXPECT_EQ(Text.substr(All[2].Begin, All[2].End - All[2].Begin),
            "DELETE FROM t");
}

TEST(Split, DollarQuotedBodyDoesNotSplit) {
  std::vector<StatementFacts> All =
      analyzeSql("CREATE FUNCTION f() RETURNS void AS $body$ BEGIN INSERT INTO "
                 "t VALUES (1); END $body$ LANGUAGE plpgsql; SELECT 1",
                 Dialect::PostgreSQL);
  ASSERT_EQ(All.size(), 2u);
  EXPECT_EQ(All[0].Kind, StatementKind::DDL);
  EXPECT_EQ(All[1].Kind, StatementKind::Select);
}

TEST(Split, EmptyStatementsAreSkipped) {
  std::vector<StatementFacts> All = analyzeSql(";; SELECT 1 ;; ; COMMIT ;");
  ASSERT_EQ(All.size(), 2u);
  EXPECT_EQ(All[0].Kind, StatementKind::Select);
  EXPECT_EQ(All[1].Kind, StatementKind::Transaction);
}

TEST(Split, OffsetsWithLeadingWhitespace) {
  std::vector<StatementFacts> All = analyzeSql("  \n SELECT 1  ");
  ASSERT_EQ(All.size(), 1u);
  EXPECT_EQ(All[0].Begin, 4u);
  EXPECT_EQ(All[0].End, 12u);
}

} // namespace
} // namespace sqlrace::sql::test
