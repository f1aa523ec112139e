//===- TestUtil.h - sqlrace -----------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Helpers shared by the sqlrace_sql unit tests.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_SQL_TESTS_TESTUTIL_H
#define SQLRACE_SQL_TESTS_TESTUTIL_H

#include "sqlrace/sql/Statement.h"
#include "gtest/gtest.h"
#include <ostream>
#include <string>
#include <vector>

namespace sqlrace::sql::test {

using Strings = std::vector<std::string>;

/// Every dialect, Unknown included.
inline const Dialect AllDialects[] = {Dialect::Unknown, Dialect::PostgreSQL,
                                      Dialect::MySQL, Dialect::SQLite,
                                      Dialect::SQLServer};

/// The \p N-th (1-based) positional parameter as the dialect's usual client
/// API spells it.
inline std::string param(Dialect D, int N) {
  switch (D) {
  case Dialect::PostgreSQL:
    return "$" + std::to_string(N);
  case Dialect::SQLServer:
    return "@p" + std::to_string(N);
  case Dialect::SQLite:
    return "?" + std::to_string(N);
  default:
    return "?";
  }
}

/// Replaces "$P1", "$P2", ... in \p Sql by the dialect's parameters, and
/// every '~' by a HoleChar.
inline std::string instantiate(std::string Sql, Dialect D) {
  for (int N = 9; N >= 1; --N) {
    std::string Key = "$P" + std::to_string(N);
    for (size_t Pos = Sql.find(Key); Pos != std::string::npos;
         Pos = Sql.find(Key, Pos))
      Sql.replace(Pos, Key.size(), param(D, N));
  }
  for (char &C : Sql)
    if (C == '~')
      C = HoleChar;
  return Sql;
}

/// Analyses text that must hold exactly one statement.
inline StatementFacts one(const std::string &Sql,
                          Dialect D = Dialect::Unknown) {
  std::vector<StatementFacts> All = analyzeSql(instantiate(Sql, D), D);
  EXPECT_EQ(All.size(), 1u) << Sql;
  return All.empty() ? StatementFacts() : All.front();
}

/// gtest parameter names: "postgresql", "sqlserver", ...
inline std::string dialectLabel(Dialect D) { return dialectName(D).str(); }

/// Prints a table-driven case as its name and SQL in gtest messages. Test
/// files bring it into their case structs' namespace with a using-declaration.
template <class Case>
auto operator<<(std::ostream &OS, const Case &C) -> decltype(C.Sql, OS) {
  return OS << C.Name << ": " << C.Sql;
}

} // namespace sqlrace::sql::test

namespace sqlrace::sql {
/// Prints a dialect parameter by name.
inline void PrintTo(Dialect D, std::ostream *OS) {
  *OS << dialectName(D).str();
}

} // namespace sqlrace::sql

#endif
