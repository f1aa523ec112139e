//===- Schema.h - sqlrace -------------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The uniqueness guarantees the database declares: from --schema files,
// from DDL the analysed code runs, and (later) from the config file.
//
// This layer sits on the SQL layer (it applies the DDL statements that
// sqlrace_sql recognises) and, like it, includes no Clang header: the flow
// analysis feeds it DDL found in code and asks it which key covers a check.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_SCHEMA_SCHEMA_H
#define SQLRACE_SCHEMA_SCHEMA_H

#include "sqlrace/sql/Statement.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace sqlrace::schema {

/// A unique key and where it was declared.
struct DeclaredKey {
  sql::UniqueKey Key;
  /// "schema.sql:12" for keys from files; empty for keys from analysed code.
  std::string Where;
  /// For keys from analysed code: an opaque location (a clang raw
  /// SourceLocation encoding), 0 otherwise.
  unsigned RawLoc = 0;
};

class Schema {
public:
  /// Applies one statement: CREATE TABLE / CREATE UNIQUE INDEX / ALTER TABLE
  /// add keys, DROP TABLE / DROP INDEX / DROP CONSTRAINT remove them.
  void apply(const sql::StatementFacts &St, llvm::StringRef Where,
             unsigned RawLoc = 0);
  /// Applies every statement of a DDL text (a schema or migration file).
  void applyText(llvm::StringRef Text, sql::Dialect D, llvm::StringRef File);
  /// The *.sql files of a migrations directory, in name order (the order
  /// they are applied in).
  static llvm::Expected<std::vector<std::string>>
  migrationFiles(llvm::StringRef Dir);
  /// Reads DDL files, and directories of *.sql files applied in name order
  /// (migrations). A missing or unreadable path is an error.
  static llvm::Expected<Schema> load(const std::vector<std::string> &Paths,
                                     sql::Dialect D = sql::Dialect::Unknown);

  /// The declared key that makes a row unique given the columns a check
  /// fixes by equality (KeyColumns, as the SQL layer reports them) and the
  /// text of the check (for partial indexes, whose predicate the check must
  /// restate). Null when no key covers the check.
  const DeclaredKey *keyFor(llvm::StringRef Table,
                            const std::vector<std::string> &KeyColumns,
                            llvm::StringRef CheckSql) const;

  bool empty() const { return Keys.empty(); }
  const std::vector<DeclaredKey> &keys() const { return Keys; }

private:
  std::vector<DeclaredKey> Keys;
};

} // namespace sqlrace::schema

#endif
