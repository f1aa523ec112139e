//===- Dialect.cpp - sqlrace ----------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Names of dialects and statement kinds.
//===----------------------------------------------------------------------===//

#include "sqlrace/sql/Statement.h"
#include "llvm/ADT/StringSwitch.h"

using llvm::StringRef;

namespace sqlrace::sql {

Dialect parseDialect(StringRef Name) {
  std::string Lower = Name.trim().lower();
  return llvm::StringSwitch<Dialect>(Lower)
      .Cases("postgresql", "postgres", "pg", "psql", Dialect::PostgreSQL)
      .Cases("mysql", "mariadb", Dialect::MySQL)
      .Cases("sqlite", "sqlite3", Dialect::SQLite)
      .Cases("sqlserver", "tsql", "mssql", "t-sql", Dialect::SQLServer)
      .Default(Dialect::Unknown);
}

StringRef dialectName(Dialect D) {
  switch (D) {
  case Dialect::PostgreSQL:
    return "postgresql";
  case Dialect::MySQL:
    return "mysql";
  case Dialect::SQLite:
    return "sqlite";
  case Dialect::SQLServer:
    return "sqlserver";
  case Dialect::Unknown:
    break;
  }
  return "unknown";
}

StringRef kindName(StatementKind K) {
  switch (K) {
  case StatementKind::Unknown:
    return "unknown";
  case StatementKind::Select:
    return "select";
  case StatementKind::Insert:
    return "insert";
  case StatementKind::Update:
    return "update";
  case StatementKind::Delete:
    return "delete";
  case StatementKind::Merge:
    return "merge";
  case StatementKind::Replace:
    return "replace";
  case StatementKind::DDL:
    return "ddl";
  case StatementKind::Transaction:
    return "transaction";
  case StatementKind::Lock:
    return "lock";
  case StatementKind::Other:
    return "other";
  }
  return "unknown";
}

} // namespace sqlrace::sql
