//===- TextQueriesTest.cpp - sqlrace ----------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Where the value assigned to a column starts (findAssignment,
// assignedValueOffset, Assignment::ValueOffset): found by the parsed column,
// never by searching the text for the name. Which number a named
// placeholder has (namedPlaceholderNumber, valuePlaceholderNumber), by the
// lexer's tokens. Which column a key part constrains (keyColumn), and
// whether a check restates a partial index's predicate (restatesPredicate).
// How an assignment becomes relative to its column (selfRelativeAssignment):
// the column named as written, the placeholder found by the lexer. How a
// select-list item uses a column (selectItemUse): alone, in an expression,
// through `*`, or not at all. Whether a value is one unknown fragment
// (isOneHole).
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
  EXPECT_EQ(A->Target, "balance");
  const Assignment *Old = findAssignment(F, "old_balance");
  ASSERT_NE(Old, nullptr);
  EXPECT_FALSE(Old->SelfRelative);
  EXPECT_EQ(findAssignment(F, "Balance"), nullptr);
  EXPECT_EQ(findAssignment(F, "id"), nullptr);
}

TEST(AssignedValue, TargetAsWritten) {
  // The column as the SET list writes it: qualifier, quotes and case kept.
  StatementFacts F = one("UPDATE w SET w.Balance = ?, `rank` = ?, "
                         "(a, [Order Total]) = (?, ?) WHERE id = ?",
                         Dialect::Unknown);
  ASSERT_EQ(F.Assignments.size(), 4u);
  EXPECT_EQ(F.Assignments[0].Column, "balance");
  EXPECT_EQ(F.Assignments[0].Target, "w.Balance");
  EXPECT_EQ(F.Assignments[1].Column, "rank");
  EXPECT_EQ(F.Assignments[1].Target, "`rank`");
  EXPECT_EQ(F.Assignments[2].Target, "a");
  EXPECT_EQ(F.Assignments[3].Column, "Order Total");
  EXPECT_EQ(F.Assignments[3].Target, "[Order Total]");
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

/// Sql with the value assigned to Column made relative to the column
/// (Op '+' or '-'), or "<none>".
std::string relative(llvm::StringRef Sql, llvm::StringRef Column, char Op,
                     Dialect D = Dialect::Unknown) {
  std::vector<Insertion> Edits = selfRelativeAssignment(Sql, Column, Op, D);
  if (Edits.empty())
    return "<none>";
  for (const Insertion &E : Edits)
    EXPECT_LE(E.Offset, Sql.size());
  return applyInsertions(Sql, Edits);
}

/// The edits selfRelativeAssignment makes, "<offset>:<text>" each, joined
/// by "; ".
std::string editsOf(llvm::StringRef Sql, llvm::StringRef Column, char Op) {
  std::string Out;
  for (const Insertion &E : selfRelativeAssignment(Sql, Column, Op))
    Out += (Out.empty() ? "" : "; ") + std::to_string(E.Offset) + ":" + E.Text;
  return Out;
}

TEST(SelfRelative, PlaceholderAlone) {
  EXPECT_EQ(relative("UPDATE accounts SET balance = $2 WHERE id = $1",
                     "balance", '-', Dialect::PostgreSQL),
            "UPDATE accounts SET balance = balance - $2 WHERE id = $1");
  EXPECT_EQ(
      relative("UPDATE stock SET quantity = ? WHERE sku = ?", "quantity", '+'),
      "UPDATE stock SET quantity = quantity + ? WHERE sku = ?");
  EXPECT_EQ(relative("UPDATE a SET balance = :balance WHERE id = :id",
                     "balance", '-'),
            "UPDATE a SET balance = balance - :balance WHERE id = :id");
  // Bare names are written as the SET list writes them, case included.
  EXPECT_EQ(relative("UPDATE a SET Balance = @p1 WHERE id = @p2", "balance",
                     '+', Dialect::SQLServer),
            "UPDATE a SET Balance = Balance + @p1 WHERE id = @p2");
  // One edit: the column goes in front of the placeholder.
  EXPECT_EQ(editsOf("UPDATE w SET old_balance = ?, balance = ? WHERE id = ?",
                    "balance", '-'),
            "40:balance - ");
}

TEST(SelfRelative, QuotedColumns) {
  EXPECT_EQ(relative("UPDATE a SET \"balance\" = $1 WHERE id = $2", "balance",
                     '-', Dialect::PostgreSQL),
            "UPDATE a SET \"balance\" = \"balance\" - $1 WHERE id = $2");
  // A bare Balance would be the column balance in PostgreSQL.
  EXPECT_EQ(relative("UPDATE a SET \"Balance\" = $1 WHERE id = $2", "Balance",
                     '-', Dialect::PostgreSQL),
            "UPDATE a SET \"Balance\" = \"Balance\" - $1 WHERE id = $2");
  EXPECT_EQ(relative("UPDATE a SET \"Balance\" = $1 WHERE id = $2", "balance",
                     '-', Dialect::PostgreSQL),
            "<none>");
  EXPECT_EQ(relative("UPDATE a SET \"a\"\"b\" = $1 WHERE id = $2", "a\"b", '+',
                     Dialect::PostgreSQL),
            "UPDATE a SET \"a\"\"b\" = \"a\"\"b\" + $1 WHERE id = $2");
  // A bare order would be the keyword.
  EXPECT_EQ(relative("UPDATE a SET `order` = ? WHERE id = ?", "order", '+',
                     Dialect::MySQL),
            "UPDATE a SET `order` = `order` + ? WHERE id = ?");
  EXPECT_EQ(relative("UPDATE a SET `balance` = ? WHERE id = ?", "balance", '-',
                     Dialect::MySQL),
            "UPDATE a SET `balance` = `balance` - ? WHERE id = ?");
  EXPECT_EQ(relative("UPDATE a SET [Order Total] = @p1 WHERE id = @p2",
                     "Order Total", '-', Dialect::SQLServer),
            "UPDATE a SET [Order Total] = [Order Total] - @p1 WHERE id = @p2");
  EXPECT_EQ(relative("UPDATE a SET [balance] = ? WHERE id = ?", "balance", '+',
                     Dialect::SQLite),
            "UPDATE a SET [balance] = [balance] + ? WHERE id = ?");
}

TEST(SelfRelative, QualifiedAndTupleTargets) {
  EXPECT_EQ(relative("UPDATE wallets w SET w.balance = ? WHERE w.id = ?",
                     "balance", '-', Dialect::MySQL),
            "UPDATE wallets w SET w.balance = w.balance - ? WHERE w.id = ?");
  EXPECT_EQ(relative("UPDATE w SET (old_balance, balance) = ($1, $2) "
                     "WHERE id = $3",
                     "balance", '-', Dialect::PostgreSQL),
            "UPDATE w SET (old_balance, balance) = ($1, balance - $2) "
            "WHERE id = $3");
  // A subquery gives both columns one value: neither has its own.
  EXPECT_EQ(relative("UPDATE w SET (a, balance) = (SELECT x, y FROM s) "
                     "WHERE id = ?",
                     "balance", '-'),
            "<none>");
}

TEST(SelfRelative, StringsQuotedNamesAndCommentsAreNotAssignments) {
  EXPECT_EQ(relative("UPDATE w SET note = 'balance = ?', balance = ? "
                     "WHERE id = ?",
                     "balance", '-'),
            "UPDATE w SET note = 'balance = ?', balance = balance - ? "
            "WHERE id = ?");
  EXPECT_EQ(relative("UPDATE w SET note = $$balance = $1$$, balance = $1 "
                     "WHERE id = $2",
                     "balance", '+', Dialect::PostgreSQL),
            "UPDATE w SET note = $$balance = $1$$, balance = balance + $1 "
            "WHERE id = $2");
  EXPECT_EQ(relative("UPDATE w SET note = E'it''s balance = \\' ?', "
                     "balance = $1 WHERE id = $2",
                     "balance", '-', Dialect::PostgreSQL),
            "UPDATE w SET note = E'it''s balance = \\' ?', "
            "balance = balance - $1 WHERE id = $2");
  // MySQL reads "..." as a string.
  EXPECT_EQ(relative("UPDATE w SET note = \"balance = ?\", balance = ? "
                     "WHERE id = ?",
                     "balance", '-', Dialect::MySQL),
            "UPDATE w SET note = \"balance = ?\", balance = balance - ? "
            "WHERE id = ?");
  EXPECT_EQ(relative("UPDATE w SET /* balance = ? */ balance = ? -- balance\n"
                     "WHERE id = ?",
                     "balance", '+'),
            "UPDATE w SET /* balance = ? */ balance = balance + ? -- balance\n"
            "WHERE id = ?");
  // A quoted name that holds the column's name and '=' is another column.
  EXPECT_EQ(relative("UPDATE w SET \"balance = x\" = $1, balance = $2 "
                     "WHERE id = $3",
                     "balance", '-', Dialect::PostgreSQL),
            "UPDATE w SET \"balance = x\" = $1, balance = balance - $2 "
            "WHERE id = $3");
  EXPECT_EQ(relative("UPDATE w SET balance_cents = ?, old_balance = ? "
                     "WHERE balance = ?",
                     "balance", '-'),
            "<none>");
  EXPECT_EQ(relative("UPDATE w SET note = 'balance = ?' WHERE id = ?",
                     "balance", '-'),
            "<none>");
}

TEST(SelfRelative, PlaceholderInsideALargerValue) {
  // The placeholder stood for `balance - change`: `? * 2` doubles it.
  EXPECT_EQ(
      relative("UPDATE w SET balance = ? * 2 WHERE id = ?", "balance", '-'),
      "UPDATE w SET balance = (balance - ?) * 2 WHERE id = ?");
  EXPECT_EQ(relative("UPDATE w SET balance = $2::int WHERE id = $1", "balance",
                     '+', Dialect::PostgreSQL),
            "UPDATE w SET balance = (balance + $2)::int WHERE id = $1");
  EXPECT_EQ(
      relative("UPDATE w SET balance = CAST(? AS SIGNED) WHERE id = ?",
               "balance", '-', Dialect::MySQL),
      "UPDATE w SET balance = CAST((balance - ?) AS SIGNED) WHERE id = ?");
  EXPECT_EQ(relative("UPDATE w SET balance = -? WHERE id = ?", "balance", '-'),
            "UPDATE w SET balance = -(balance - ?) WHERE id = ?");
  // Two edits: around the placeholder.
  EXPECT_EQ(editsOf("UPDATE w SET balance = (?) WHERE id = ?", "balance", '+'),
            "24:(balance + ; 25:)");
}

TEST(SelfRelative, WhatCannotBeMadeRelative) {
  // The placeholder is used again: binding the change would change it too.
  EXPECT_EQ(relative("UPDATE w SET balance = $2 WHERE id = $1 AND "
                     "balance <> $2",
                     "balance", '-', Dialect::PostgreSQL),
            "<none>");
  EXPECT_EQ(relative("UPDATE w SET balance = :b, shown = :b WHERE id = :id",
                     "balance", '-'),
            "<none>");
  // Bare ? placeholders are bound one by one.
  EXPECT_EQ(relative("UPDATE w SET balance = ?, shown = ? WHERE id = ?",
                     "balance", '-'),
            "UPDATE w SET balance = balance - ?, shown = ? WHERE id = ?");
  // No placeholder, several, a format field, a hole.
  EXPECT_EQ(relative("UPDATE w SET balance = 5 WHERE id = ?", "balance", '-'),
            "<none>");
  EXPECT_EQ(
      relative("UPDATE w SET balance = ? + ? WHERE id = ?", "balance", '-'),
      "<none>");
  EXPECT_EQ(relative("UPDATE w SET balance = %s WHERE id = ?", "balance", '-'),
            "<none>");
  EXPECT_EQ(relative(instantiate("UPDATE w SET balance = ~ WHERE id = ?",
                                 Dialect::Unknown),
                     "balance", '-'),
            "<none>");
  // Only a change added or subtracted.
  EXPECT_EQ(relative("UPDATE w SET balance = ? WHERE id = ?", "balance", '*'),
            "<none>");
  EXPECT_EQ(relative("SELECT balance FROM w WHERE id = ?", "balance", '-'),
            "<none>");
  EXPECT_EQ(relative("", "balance", '-'), "<none>");
}

TEST(SelfRelative, OffsetsInALongerText) {
  const char *Sql = "UPDATE w SET n = 1 WHERE id = 1; "
                    "UPDATE w SET balance = ? WHERE id = 2";
  EXPECT_EQ(relative(Sql, "balance", '+'),
            "UPDATE w SET n = 1 WHERE id = 1; "
            "UPDATE w SET balance = balance + ? WHERE id = 2");
  // A placeholder's other uses are looked for in its own statement only.
  EXPECT_EQ(relative("UPDATE w SET balance = $1 WHERE id = $2; "
                     "SELECT $1",
                     "balance", '-', Dialect::PostgreSQL),
            "UPDATE w SET balance = balance - $1 WHERE id = $2; SELECT $1");
}

TEST(SelfRelative, EveryDialectAgrees) {
  for (Dialect D : AllDialects) {
    std::string Sql = instantiate(
        "UPDATE w SET old_balance = $P1, balance = $P2 WHERE id = $P3", D);
    EXPECT_EQ(relative(Sql, "balance", '-', D),
              instantiate("UPDATE w SET old_balance = $P1, balance = balance "
                          "- $P2 WHERE id = $P3",
                          D))
        << Sql;
  }
}

TEST(SelfRelative, ApplyInsertions) {
  EXPECT_EQ(applyInsertions("abc", {}), "abc");
  EXPECT_EQ(applyInsertions("abc", {{0, "<"}, {1, "["}, {3, ">"}}), "<a[bc>");
  EXPECT_EQ(applyInsertions("abc", {{1, "x"}, {1, "y"}}), "axybc");
  EXPECT_EQ(applyInsertions("abc", {{7, "!"}}), "abc!");
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

/// The placeholder number of the value assigned to Column in Sql.
std::optional<unsigned> numberOfValue(llvm::StringRef Sql,
                                      llvm::StringRef Column,
                                      Dialect D = Dialect::Unknown) {
  for (const StatementFacts &St : analyzeSql(Sql, D))
    if (const Assignment *A = findAssignment(St, Column))
      return valuePlaceholderNumber(Sql, A->Value, A->ValueOffset, D);
  ADD_FAILURE() << "no assignment of " << Column.str() << " in " << Sql.str();
  return std::nullopt;
}

TEST(ValuePlaceholder, NumberedAndCast) {
  const char *Sql = "UPDATE t SET a = $2::jsonb, b = CAST($1 AS int), c = (?3), "
                    "d = ?4 WHERE id = $5";
  EXPECT_EQ(numberOfValue(Sql, "a"), 2u);
  EXPECT_EQ(numberOfValue(Sql, "b"), 1u);
  EXPECT_EQ(numberOfValue(Sql, "c"), 3u);
  EXPECT_EQ(numberOfValue(Sql, "d"), 4u);
  EXPECT_EQ(numberOfValue("UPDATE t SET a = $12 WHERE id = $1", "a",
                          Dialect::PostgreSQL),
            12u);
}

TEST(ValuePlaceholder, BareQuestionMarksCountFromTheStart) {
  const char *Sql =
      "UPDATE t SET note = 'why?', a = ?, b = ? + 1 WHERE id = ?";
  // The ? in the string is none.
  EXPECT_EQ(numberOfValue(Sql, "a"), 1u);
  EXPECT_EQ(numberOfValue(Sql, "b"), 2u);
  EXPECT_EQ(numberOfValue("UPDATE t SET a = ? /* ? */, b = ? WHERE id = ?",
                          "b"),
            2u);
  // Where the value starts must be known.
  EXPECT_EQ(valuePlaceholderNumber(Sql, "?", std::nullopt), std::nullopt);
  EXPECT_EQ(valuePlaceholderNumber("UPDATE t SET a = ?", "?", 100),
            std::nullopt);
}

TEST(ValuePlaceholder, NamedByPositionInTheStatement) {
  const char *Sql =
      "UPDATE users SET name = :name, balance = :balance WHERE id = :id";
  EXPECT_EQ(numberOfValue(Sql, "balance"), 2u);
  EXPECT_EQ(numberOfValue("UPDATE t SET a = @p2, b = @p1 WHERE id = @p3", "b",
                          Dialect::SQLServer),
            2u);
  EXPECT_EQ(numberOfValue("UPDATE t SET a = $x, b = $y WHERE id = ?3", "b",
                          Dialect::SQLite),
            2u);
  // A cast is not a named placeholder.
  EXPECT_EQ(numberOfValue("UPDATE t SET a = $1::int WHERE id = $2", "a",
                          Dialect::PostgreSQL),
            1u);
}

TEST(ValuePlaceholder, NoneOrSeveral) {
  EXPECT_EQ(numberOfValue("UPDATE t SET a = a + 1 WHERE id = ?", "a"),
            std::nullopt);
  EXPECT_EQ(numberOfValue("UPDATE t SET a = ? + ? WHERE id = ?", "a"),
            std::nullopt);
  EXPECT_EQ(numberOfValue("UPDATE t SET a = :x + :y WHERE id = :id", "a"),
            std::nullopt);
  EXPECT_EQ(numberOfValue("UPDATE t SET a = ':x' WHERE id = :id", "a"),
            std::nullopt);
  // A format field is filled in on the client, not bound.
  EXPECT_EQ(numberOfValue("UPDATE t SET a = %s WHERE id = ?", "a"),
            std::nullopt);
}

TEST(OneHole, AloneParenthesisedOrQuoted) {
  auto Is = [](const std::string &Value, Dialect D = Dialect::Unknown) {
    return isOneHole(instantiate(Value, D), D);
  };
  EXPECT_TRUE(Is("~"));
  EXPECT_TRUE(Is(" ( ~ ) "));
  EXPECT_TRUE(Is("((~))"));
  EXPECT_TRUE(Is("'~'"));
  EXPECT_TRUE(Is("'~'", Dialect::MySQL));
  // A hole with something else, two holes, none.
  EXPECT_FALSE(Is("~ + 1"));
  EXPECT_FALSE(Is("balance - ~"));
  EXPECT_FALSE(Is("~ ~"));
  EXPECT_FALSE(Is("'~' || '~'"));
  EXPECT_FALSE(Is("'{\"n\": ~}'"));
  EXPECT_FALSE(Is("f(~)"));
  EXPECT_FALSE(Is("(~) + (~)"));
  EXPECT_FALSE(Is("?"));
  EXPECT_FALSE(Is(""));
  // A quoted name is not a string.
  EXPECT_FALSE(Is("\"~\"", Dialect::PostgreSQL));
}

TEST(SelectItemUse, TheColumnAlone) {
  for (const char *Item :
       {"balance", "a.balance", "app.a.balance", "balance AS b", "balance b",
        "a . balance  /* now */"})
    EXPECT_EQ(selectItemUse(Item, "balance"), ColumnUse::Exactly) << Item;
  EXPECT_EQ(selectItemUse("\"balance\" AS \"Balance\"", "balance",
                          Dialect::PostgreSQL),
            ColumnUse::Exactly);
  EXPECT_EQ(selectItemUse("`Balance`", "balance", Dialect::MySQL),
            ColumnUse::Exactly);
  EXPECT_EQ(selectItemUse("w.[balance] [b]", "balance", Dialect::SQLServer),
            ColumnUse::Exactly);
}

TEST(SelectItemUse, AnExpressionOfTheColumn) {
  for (const char *Item :
       {"balance + 1", "balance+1", "balance + 1 AS balance",
        "COALESCE(balance, 0)", "a.balance * 100 cents", "balance::int",
        "CAST(balance AS int)", "-balance", "balance || ''",
        "CASE WHEN balance > 0 THEN balance ELSE 0 END",
        "(SELECT balance FROM b WHERE b.id = 1)", "(balance)"})
    EXPECT_EQ(selectItemUse(Item, "balance"), ColumnUse::Expression) << Item;
}

TEST(SelectItemUse, EveryColumn) {
  for (const char *Item : {"*", "a.*", "app.a.*"})
    EXPECT_EQ(selectItemUse(Item, "balance"), ColumnUse::All) << Item;
  EXPECT_EQ(selectItemUse("COUNT(*)", "balance"), ColumnUse::None);
  EXPECT_EQ(selectItemUse("2 * 3", "balance"), ColumnUse::None);
}

TEST(SelectItemUse, WhatIsNotTheColumn) {
  // Another column, an alias, a qualifier, a function, a string, a
  // placeholder, a comment.
  for (const char *Item :
       {"old_balance", "balance_cents", "other AS balance", "other balance",
        "balance.total", "balance(id)", "'balance'", ":balance", "$balance",
        "x /* balance */", "1", "NULL", ""})
    EXPECT_EQ(selectItemUse(Item, "balance"), ColumnUse::None) << Item;
  EXPECT_EQ(selectItemUse(instantiate("~", Dialect::Unknown), "balance"),
            ColumnUse::None);
}

TEST(SelectItemUse, CaseAsTheDialectComparesNames) {
  // PostgreSQL folds bare names to lower case and keeps quoted ones.
  EXPECT_EQ(selectItemUse("Balance", "balance", Dialect::PostgreSQL),
            ColumnUse::Exactly);
  EXPECT_EQ(selectItemUse("\"Balance\"", "balance", Dialect::PostgreSQL),
            ColumnUse::None);
  EXPECT_EQ(selectItemUse("\"Balance\"", "Balance", Dialect::PostgreSQL),
            ColumnUse::Exactly);
  EXPECT_EQ(selectItemUse("\"Balance\" + 1", "balance", Dialect::PostgreSQL),
            ColumnUse::None);
  // The others compare column names regardless of case.
  for (Dialect D :
       {Dialect::Unknown, Dialect::MySQL, Dialect::SQLite, Dialect::SQLServer})
    EXPECT_EQ(selectItemUse("Balance", "BALANCE", D), ColumnUse::Exactly)
        << dialectName(D).str();
}

TEST(SelectItemUse, ItemsOfAParsedSelect) {
  StatementFacts F = one("SELECT w.balance, balance + 1 AS next, 'balance', "
                         "w.* FROM w WHERE id = $1",
                         Dialect::PostgreSQL);
  ASSERT_EQ(F.SelectedColumns.size(), 4u);
  EXPECT_EQ(selectItemUse(F.SelectedColumns[0], "balance", Dialect::PostgreSQL),
            ColumnUse::Exactly);
  EXPECT_EQ(selectItemUse(F.SelectedColumns[1], "balance", Dialect::PostgreSQL),
            ColumnUse::Expression);
  EXPECT_EQ(selectItemUse(F.SelectedColumns[2], "balance", Dialect::PostgreSQL),
            ColumnUse::None);
  EXPECT_EQ(selectItemUse(F.SelectedColumns[3], "balance", Dialect::PostgreSQL),
            ColumnUse::All);
}

TEST(KeyColumn, ColumnsAndExpressionKeys) {
  EXPECT_EQ(keyColumn("email"), "email");
  EXPECT_EQ(keyColumn("lower(email)"), "email");
  EXPECT_EQ(keyColumn("lower(trim(email))"), "email");
  EXPECT_EQ(keyColumn("Email"), "Email");
  // A quoted name with a dot or an unbalanced parenthesis is a column.
  EXPECT_EQ(keyColumn("a.b"), "a.b");
  EXPECT_EQ(keyColumn("a(b"), "a(b");
  EXPECT_EQ(keyColumn("(x)"), "(x)");
  // What the parse produces for expression keys reads back.
  StatementFacts F = one("SELECT 1 FROM users WHERE lower(email) = $1 AND "
                         "tenant = $2",
                         Dialect::PostgreSQL);
  ASSERT_EQ(F.KeyColumns, (Strings{"lower(email)", "tenant"}));
  EXPECT_EQ(keyColumn(F.KeyColumns[0]), "email");
  EXPECT_EQ(keyColumn(F.KeyColumns[1]), "tenant");
}

TEST(RestatesPredicate, TokensInARow) {
  const char *Check =
      "SELECT 1 FROM subs WHERE email = $1 AND unsubscribed_at IS NULL";
  EXPECT_TRUE(restatesPredicate(Check, "unsubscribed_at IS NULL"));
  EXPECT_TRUE(restatesPredicate(Check, "unsubscribed_at  is\n null"));
  EXPECT_TRUE(restatesPredicate(Check, ""));
  EXPECT_FALSE(restatesPredicate(Check, "unsubscribed_at IS NOT NULL"));
  // Whole tokens: "x IS NULL" is not in "max IS NULL".
  EXPECT_FALSE(restatesPredicate("SELECT 1 FROM t WHERE k = ? AND max IS NULL",
                                 "x IS NULL"));
  // Spacing and comments do not matter; strings and quoted names are
  // compared as written.
  EXPECT_TRUE(restatesPredicate(
      "SELECT 1 FROM t WHERE k = ? AND state=/* live */'active'",
      "state = 'active'"));
  EXPECT_FALSE(restatesPredicate("SELECT 1 FROM t WHERE k = ? AND state = "
                                 "'Active'",
                                 "state = 'active'"));
  EXPECT_FALSE(restatesPredicate(
      "SELECT 1 FROM t WHERE k = $1 AND \"Live\" = 1",
      "\"live\" = 1", Dialect::PostgreSQL));
  EXPECT_TRUE(restatesPredicate("SELECT 1 FROM t WHERE k = ? AND NOT deleted",
                                "not DELETED"));
}

} // namespace
} // namespace sqlrace::sql::test
