//===- TextQueriesTest.cpp - sqlrace ----------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Where the value assigned to a column starts (findAssignment,
// assignedValueOffset, Assignment::ValueOffset): found by the parsed column,
// never by searching the text for the name. Which number a named
// placeholder has (namedPlaceholderNumber), by the lexer's tokens.
//===----------------------------------------------------------------------===//

#include "TestUtil.h"

namespace sqlrace::sql::test {
namespace {

/// The text from the value assigned to Column on, or "<none>".
std::string valueFrom(llvm::StringRef Sql, llvm::StringRef Column,
                      Dialect D = Dialect::Unknown) {
  std::optional<size_t> At = assignedValueOffset(Sql, Column, D);
  if (!At)
    return "<none>";
  EXPECT_LE(*At, Sql.size());
  return Sql.substr(*At).str();
}

TEST(AssignedValue, ColumnIsNotASubstringMatch) {
  const char *Sql =
      "UPDATE wallets SET old_balance = ?, balance = ? WHERE id = ?";
  EXPECT_EQ(valueFrom(Sql, "balance"), "? WHERE id = ?");
  EXPECT_EQ(valueFrom(Sql, "old_balance"), "?, balance = ? WHERE id = ?");
  EXPECT_EQ(valueFrom("UPDATE w SET balance_cents = ? WHERE id = ?", "balance"),
            "<none>");
  EXPECT_EQ(valueFrom("UPDATE w SET old_balance = ? WHERE id = ?", "balance"),
            "<none>");
  // The name inside a string or in the WHERE is not an assignment.
  EXPECT_EQ(valueFrom("UPDATE w SET note = 'balance = 5', balance = ? "
                      "WHERE balance = ?",
                      "balance"),
            "? WHERE balance = ?");
  EXPECT_EQ(valueFrom("UPDATE w SET n = 1 WHERE balance = ?", "balance"),
            "<none>");
}

TEST(AssignedValue, CaseAndQuotes) {
  // Bare names are normalised to lower case; quoted ones are kept as written.
  EXPECT_EQ(valueFrom("UPDATE w SET BALANCE = ? WHERE id = ?", "balance"),
            "? WHERE id = ?");
  EXPECT_EQ(valueFrom("UPDATE w SET \"balance\" = $1 WHERE id = $2", "balance",
                      Dialect::PostgreSQL),
            "$1 WHERE id = $2");
  EXPECT_EQ(valueFrom("UPDATE w SET \"Balance\" = $1 WHERE id = $2", "balance",
                      Dialect::PostgreSQL),
            "<none>");
  EXPECT_EQ(valueFrom("UPDATE w SET \"Balance\" = $1 WHERE id = $2", "Balance",
                      Dialect::PostgreSQL),
            "$1 WHERE id = $2");
  EXPECT_EQ(valueFrom("UPDATE w SET `balance` = ? WHERE id = ?", "balance",
                      Dialect::MySQL),
            "? WHERE id = ?");
  EXPECT_EQ(valueFrom("UPDATE w SET [balance] = @p1 WHERE id = @p2", "balance",
                      Dialect::SQLServer),
            "@p1 WHERE id = @p2");
}

TEST(AssignedValue, QualifiedTuplesAndSpacing) {
  EXPECT_EQ(
      valueFrom("UPDATE wallets w SET w.balance = ? WHERE w.id = ?", "balance"),
      "? WHERE w.id = ?");
  EXPECT_EQ(valueFrom("UPDATE w SET\n  old_balance=?,\n  balance\t=\t? "
                      "WHERE id=?",
                      "balance"),
            "? WHERE id=?");
  EXPECT_EQ(valueFrom("UPDATE w SET (old_balance, balance) = (?, ? + 0) "
                      "WHERE id = ?",
                      "balance"),
            "? + 0) WHERE id = ?");
  // One subquery for both columns: neither has a value of its own.
  EXPECT_EQ(valueFrom("UPDATE w SET (a, balance) = (SELECT x, y FROM s) "
                      "WHERE id = ?",
                      "balance"),
            "<none>");
  EXPECT_EQ(valueFrom("UPDATE w SET balance = WHERE id = ?", "balance"),
            "<none>");
}

TEST(AssignedValue, StatementsOfALongerText) {
  // Offsets are in the whole text; statements other than UPDATE are passed.
  const char *Sql = "INSERT INTO w(balance) VALUES (?) ON CONFLICT (id) DO "
                    "UPDATE SET balance = excluded.balance; "
                    "UPDATE w SET n = 1 WHERE id = 1; "
                    "UPDATE w SET balance = ? WHERE id = 2";
  EXPECT_EQ(valueFrom(Sql, "balance"), "? WHERE id = 2");
  EXPECT_EQ(valueFrom("SELECT balance FROM w WHERE id = ?", "balance"),
            "<none>");
  EXPECT_EQ(valueFrom("", "balance"), "<none>");
}

TEST(AssignedValue, FindAssignmentInFacts) {
  const std::string Sql =
      "UPDATE w SET old_balance = ?, balance = balance - ? WHERE id = ?";
  StatementFacts F = one(Sql);
  const Assignment *A = findAssignment(F, "balance");
  ASSERT_NE(A, nullptr);
  EXPECT_EQ(A->Value, "balance - ?");
  EXPECT_TRUE(A->SelfRelative);
  ASSERT_TRUE(A->ValueOffset);
  EXPECT_EQ(Sql.substr(*A->ValueOffset, A->Value.size()), A->Value);
  const Assignment *Old = findAssignment(F, "old_balance");
  ASSERT_NE(Old, nullptr);
  EXPECT_FALSE(Old->SelfRelative);
  EXPECT_EQ(findAssignment(F, "Balance"), nullptr);
  EXPECT_EQ(findAssignment(F, "id"), nullptr);
}

TEST(AssignedValue, EveryDialectAgrees) {
  for (Dialect D : AllDialects) {
    std::string Sql =
        instantiate("UPDATE w SET old_balance = $P1, balance = $P2 "
                    "WHERE id = $P3",
                    D);
    EXPECT_EQ(valueFrom(Sql, "balance", D),
              instantiate("$P2 WHERE id = $P3", D))
        << Sql;
  }
}

TEST(NamedPlaceholder, PositionAmongAllPlaceholders) {
  const char *Sql =
      "UPDATE users SET name = :name, mail = :mail WHERE id = :id";
  EXPECT_EQ(namedPlaceholderNumber(Sql, ":name"), 1u);
  EXPECT_EQ(namedPlaceholderNumber(Sql, ":mail"), 2u);
  EXPECT_EQ(namedPlaceholderNumber(Sql, ":id"), 3u);
  // Compared as written, whole: neither a prefix nor another spelling.
  EXPECT_EQ(namedPlaceholderNumber(Sql, ":na"), std::nullopt);
  EXPECT_EQ(namedPlaceholderNumber(Sql, "@name"), std::nullopt);
  EXPECT_EQ(namedPlaceholderNumber(Sql, ":ID"), std::nullopt);
  EXPECT_EQ(namedPlaceholderNumber(Sql, ":"), std::nullopt);
  // Positional and named ones count alike; the first occurrence wins.
  EXPECT_EQ(
      namedPlaceholderNumber(
          "SELECT 1 FROM t WHERE a = ? AND b = $2 AND c = @c AND d = @c", "@c"),
      3u);
  EXPECT_EQ(namedPlaceholderNumber("SELECT $name, ?3 FROM t WHERE x = $x", "$x",
                                   Dialect::SQLite),
            3u);
}

TEST(NamedPlaceholder, WhatIsNotAPlaceholder) {
  // Strings, quoted identifiers, comments and casts.
  EXPECT_EQ(namedPlaceholderNumber("UPDATE t SET note = ':a ?', \":b\" = :b "
                                   "-- :c ?\n WHERE id = :id",
                                   ":id"),
            2u);
  EXPECT_EQ(namedPlaceholderNumber("SELECT x::text FROM t /* :text */ WHERE "
                                   "id = :id",
                                   ":id", Dialect::PostgreSQL),
            1u);
  EXPECT_EQ(
      namedPlaceholderNumber("SELECT $$ :a $$, :b", ":b", Dialect::PostgreSQL),
      1u);
  EXPECT_EQ(namedPlaceholderNumber("SELECT `:a`, :b", ":b", Dialect::MySQL),
            1u);
  // Client-side format fields are filled in before the server sees them.
  EXPECT_EQ(namedPlaceholderNumber("SELECT %s, {}, :b", ":b"), 1u);
  EXPECT_EQ(namedPlaceholderNumber("SELECT ':b'", ":b"), std::nullopt);
}

} // namespace
} // namespace sqlrace::sql::test
