//===- Statement.h - sqlrace ----------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Facts about one SQL statement, as the rest of sqlrace needs them. This
// layer has no Clang dependency: it sees SQL text in which fragments unknown
// at analysis time are "holes".
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_SQL_STATEMENT_H
#define SQLRACE_SQL_STATEMENT_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace sqlrace::sql {

/// A character that stands for a fragment unknown at analysis time (a value
/// concatenated in at run time, an unresolved variable). Callers that rebuild
/// SQL from program text put one HoleChar per unknown fragment.
constexpr char HoleChar = '\x01';

/// SQL dialects sqlrace distinguishes.
enum class Dialect { Unknown, PostgreSQL, MySQL, SQLite, SQLServer };

/// Parses "postgresql", "mysql", "sqlite", "sqlserver" (also "pg", "mariadb",
/// "sqlite3", "tsql", "mssql"); anything else is Unknown.
Dialect parseDialect(llvm::StringRef Name);
/// The canonical lower-case name: "postgresql", "mysql", "sqlite", "sqlserver"
/// or "unknown".
llvm::StringRef dialectName(Dialect D);

/// What a statement does.
enum class StatementKind {
  Unknown, ///< empty, or not recognisable (see StatementFacts::Problem)
  Select,
  Insert,
  Update,
  Delete,
  Merge,
  Replace, ///< MySQL/SQLite REPLACE INTO
  DDL,
  Transaction, ///< BEGIN/COMMIT/ROLLBACK/SAVEPOINT/SET TRANSACTION...
  Lock,        ///< LOCK TABLE(S)
  Other
};
/// The lower-case name of a kind: "select", "insert", "ddl", "transaction"...
llvm::StringRef kindName(StatementKind K);

/// Which shape of existence query a SELECT has.
enum class ExistenceForm {
  None,        ///< not an existence check (e.g. a SELECT without WHERE)
  Constant,    ///< SELECT 1 / SELECT 'x' / SELECT NULL ... WHERE ...
  Columns,     ///< SELECT id / SELECT a, b ... WHERE ... (row presence tested)
  Count,       ///< SELECT COUNT(*) / COUNT(col) ... WHERE ...
  Exists,      ///< SELECT EXISTS (SELECT ...)
};

/// The atomic "insert if absent" forms (per dialect: docs/checks/check-then-insert.md).
enum class AtomicInsert {
  None,
  OnConflictDoNothing, ///< PG / SQLite ON CONFLICT ... DO NOTHING
  OnConflictDoUpdate,  ///< PG / SQLite ON CONFLICT ... DO UPDATE
  InsertIgnore,        ///< MySQL INSERT IGNORE
  InsertOrConflict,    ///< SQLite INSERT OR IGNORE/REPLACE/ABORT/FAIL/ROLLBACK
  OnDuplicateKeyUpdate,///< MySQL ON DUPLICATE KEY UPDATE
  ReplaceInto,         ///< REPLACE INTO (MySQL, SQLite)
  InsertSelectNotExists, ///< INSERT ... SELECT ... WHERE NOT EXISTS (...)
  Merge,               ///< MERGE (see MergeHoldLock)
};

/// Row-locking clause of a SELECT.
enum class LockStrength { None, ForUpdate, ForNoKeyUpdate, ForShare, ForKeyShare };

/// Transaction-control action of a statement (StatementKind::Transaction).
enum class TxnAction {
  None,
  Begin,          ///< BEGIN [WORK|TRANSACTION] / START TRANSACTION
  Commit,         ///< COMMIT / END
  Rollback,       ///< ROLLBACK (whole transaction)
  Savepoint,      ///< SAVEPOINT x
  ReleaseSavepoint,
  RollbackToSavepoint,
  SetTransaction, ///< SET [SESSION] TRANSACTION ISOLATION LEVEL ...
  SetAutocommit   ///< SET autocommit = 0/1 (see AutocommitOn)
};
enum class Isolation {
  Unspecified,
  ReadUncommitted,
  ReadCommitted,
  RepeatableRead,
  Serializable,
  Snapshot
};
/// SQLite BEGIN DEFERRED/IMMEDIATE/EXCLUSIVE.
enum class BeginMode { Unspecified, Deferred, Immediate, Exclusive };

/// Advisory, application and table locks a statement takes or releases.
enum class LockKind {
  None,
  AdvisoryXact,    ///< pg_advisory_xact_lock / pg_try_advisory_xact_lock
  AdvisorySession, ///< pg_advisory_lock / pg_try_advisory_lock
  AdvisoryUnlock,  ///< pg_advisory_unlock(_all)
  GetLock,         ///< MySQL GET_LOCK
  ReleaseLock,     ///< MySQL RELEASE_LOCK / RELEASE_ALL_LOCKS
  AppLock,         ///< SQL Server sp_getapplock (see AppLockOwnerSession)
  AppUnlock,       ///< sp_releaseapplock
  TableLock,       ///< LOCK TABLE ... IN ... MODE / LOCK TABLES ... WRITE|READ
  UnlockTables     ///< UNLOCK TABLES
};

/// One `col = expr` of an UPDATE's SET list.
struct Assignment {
  std::string Column;  ///< normalised column name
  /// The column as the SET list writes it, qualifier and quotes kept:
  /// `w.balance`, `"Balance"`, `` `order` ``, `[Order Total]`.
  std::string Target;
  std::string Value;   ///< the expression text, as written (holes kept)
  bool SelfRelative = false; ///< the value reads the column itself (n = n + 1)
  /// Byte offset of Value in the analysed text. None when the value is not
  /// this column's alone: `(a, b) = (SELECT ...)` gives both columns the
  /// whole right-hand side.
  std::optional<size_t> ValueOffset;
};

/// What a DDL statement does to the schema.
enum class DdlAction {
  None,
  CreateTable,
  CreateIndex,
  AlterTable,
  DropTable,
  DropIndex,
  DropConstraint, ///< ALTER TABLE ... DROP CONSTRAINT name
  Other
};

/// A uniqueness guarantee declared by DDL: a PRIMARY KEY or UNIQUE
/// constraint (column or table level, or added by ALTER TABLE), or a
/// CREATE UNIQUE INDEX.
struct UniqueKey {
  std::string Table; ///< normalised, as StatementFacts::Table
  /// Key parts, normalised: a column name, or an expression key as
  /// "lower(email)" (lower-cased, spaces removed).
  std::vector<std::string> Columns;
  std::string Name;      ///< constraint or index name, normalised; may be empty
  std::string Predicate; ///< partial index WHERE, as written; empty if none
  bool PrimaryKey = false;
  bool IsIndex = false; ///< CREATE UNIQUE INDEX (not a constraint)
  bool NullsNotDistinct = false;
  /// PostgreSQL ADD CONSTRAINT c UNIQUE|PRIMARY KEY USING INDEX idx: the
  /// index (normalised) that becomes the constraint, renamed to Name; its
  /// columns are that index's, so Columns is empty.
  std::string UsingIndex;
};

/// Everything sqlrace knows about one statement. Names (tables, columns) are
/// normalised: unquoted identifiers lower-cased, quotes removed, schema kept
/// as "schema.table".
struct StatementFacts {
  StatementKind Kind = StatementKind::Unknown;
  /// Byte range of this statement inside the analysed text.
  size_t Begin = 0, End = 0;

  /// The primary table: FROM table of a SELECT, target of INSERT/UPDATE/
  /// DELETE/MERGE/REPLACE, subject of DDL. Empty when unknown (or a hole).
  std::string Table;
  std::vector<std::string> TablesRead;
  std::vector<std::string> TablesWritten;

  /// Columns the WHERE (or MERGE ON) fixes by equality at the top level of an
  /// AND chain: `a = ?`, `? = a`, `a IN (...)`, `lower(a) = ?` gives "lower(a)".
  /// Sorted, de-duplicated. For SELECT EXISTS (...) and for INSERT ...
  /// SELECT ... WHERE NOT EXISTS (...): those of the subquery.
  std::vector<std::string> KeyColumns;

  /// SELECT: the existence shape and the selected expressions (as written).
  ExistenceForm Existence = ExistenceForm::None;
  std::vector<std::string> SelectedColumns;
  bool LimitOne = false; ///< LIMIT 1 / TOP 1 / FETCH FIRST 1 ROW(S) ONLY
  LockStrength Lock = LockStrength::None;
  bool LockNoWait = false, LockSkipLocked = false;
  /// SQL Server table hints on the primary table, upper-case (UPDLOCK, ...).
  std::vector<std::string> TableHints;

  /// INSERT/REPLACE: the column list (empty if not written) and the text of
  /// the VALUES (...) / SELECT source as written.
  std::vector<std::string> InsertColumns;
  /// The VALUES (...) / SELECT ... / SET ... source, as written.
  std::string InsertSource;
  /// The expressions of the first VALUES row (or of INSERT ... SET), as
  /// written, one per value.
  std::vector<std::string> InsertValues;
  AtomicInsert Atomic = AtomicInsert::None;
  /// ON CONFLICT (cols) target columns, if any.
  std::vector<std::string> ConflictColumns;
  bool MergeHoldLock = false; ///< MERGE ... WITH (HOLDLOCK|SERIALIZABLE)

  /// UPDATE: the SET list.
  std::vector<Assignment> Assignments;

  /// Transaction control (Kind == Transaction).
  TxnAction Txn = TxnAction::None;
  Isolation Iso = Isolation::Unspecified; ///< BEGIN ISOLATION LEVEL / SET TRANSACTION
  bool SessionScope = false;  ///< SET SESSION TRANSACTION ... (not just the next one)
  BeginMode Mode = BeginMode::Unspecified;
  bool AutocommitOn = false;  ///< for TxnAction::SetAutocommit
  /// Locks taken or released by this statement (a SELECT calling
  /// pg_advisory_xact_lock(...) included). TableLock names go to TablesWritten.
  LockKind Locking = LockKind::None;
  bool TryLock = false;          ///< pg_try_* / GET_LOCK(x, 0): may not be granted
  bool AppLockOwnerSession = false;

  /// DDL (Kind == DDL): what it does, the uniqueness guarantees it declares
  /// (CREATE TABLE, CREATE UNIQUE INDEX, ALTER TABLE ... ADD), and the name
  /// dropped by DROP INDEX / DROP CONSTRAINT (DROP TABLE drops Table).
  DdlAction Ddl = DdlAction::None;
  std::vector<UniqueKey> UniqueKeys;
  std::string DroppedName;

  /// RETURNING / OUTPUT present.
  bool Returning = false;

  /// Text had holes (unknown fragments).
  bool HasHoles = false;
  /// Set when the statement could only be partly understood: what went wrong.
  std::string Problem;
  /// Set when the analysis stopped at one of its bounds (nesting depth):
  /// which one. Facts past it are missing; the caller reports the limit.
  std::string LimitReached;
};

/// Splits Text into statements and analyses each. Never throws, never
/// crashes; linear in Text's length. Unknown dialect = accept every dialect's
/// syntax. Empty statements (";;") are skipped; a text with no statement at
/// all yields one Unknown entry whose Problem is "empty statement", so the
/// result is never empty.
std::vector<StatementFacts> analyzeSql(llvm::StringRef Text,
                                       Dialect D = Dialect::Unknown);

/// The assignment of Column in Update's SET list (the first, should the
/// column be assigned twice), or null. Column is a normalised name, as
/// Assignment::Column: `SET Balance = ?` and `SET t.balance = ?` assign
/// "balance", `SET "Balance" = ?` assigns "Balance", and `old_balance` is
/// never "balance".
const Assignment *findAssignment(const StatementFacts &Update,
                                 llvm::StringRef Column);

/// Where the value assigned to Column starts in Text: the byte offset, in
/// Text, of `<value>` in the first UPDATE of Text whose SET list assigns
/// Column (`UPDATE t SET old_balance = ?, balance = ? ...` gives the offset
/// of the second `?` for "balance"). None when no UPDATE of Text assigns it,
/// or its value is shared with other columns (Assignment::ValueOffset).
std::optional<size_t> assignedValueOffset(llvm::StringRef Text,
                                          llvm::StringRef Column,
                                          Dialect D = Dialect::Unknown);

/// Text inserted into a statement's text before the byte at Offset.
struct Insertion {
  size_t Offset = 0;
  std::string Text;
};

/// How the first UPDATE of Text that assigns Column becomes relative to
/// the column's current value, given that the value's one bound
/// placeholder stands for `<column> Op <change>` (Op '+' or '-') and is to
/// be bound to the change instead. The column is named as the SET list
/// names it (Assignment::Target): `SET "Balance" = $1` becomes `SET
/// "Balance" = "Balance" - $1`. A value that is the placeholder alone gets
/// the column in front of it; in a larger expression the placeholder
/// becomes `(<column> - <placeholder>)`, so that `SET n = ? * 2` becomes
/// `SET n = (n - ?) * 2`, not `n - ? * 2`. The statement is read by D's
/// lexer and parser: a column name or `=` inside a string, quoted name or
/// comment is not an assignment. The insertions come in increasing Offset;
/// none when no UPDATE of Text assigns Column a value of its own (not
/// shared by a column tuple), when Op is neither '+' nor '-', when the
/// value holds a hole, no bound placeholder or several, or when its
/// placeholder (`$2`, `:amount`) is used elsewhere in the statement too,
/// where binding the change would change that use as well.
std::vector<Insertion> selfRelativeAssignment(llvm::StringRef Text,
                                              llvm::StringRef Column, char Op,
                                              Dialect D = Dialect::Unknown);

/// Text with Edits made (their offsets in Text, in increasing order;
/// offsets past the end are put at the end).
std::string applyInsertions(llvm::StringRef Text,
                            const std::vector<Insertion> &Edits);

/// The 1-based position, among all the `?`, `?N`, `$N`, `:name`, `@name` and
/// `$name` placeholders of Text, of the first occurrence of the named
/// placeholder Name (":email", "@id", "$name", compared as written), as
/// D's lexer finds them: placeholders in strings, quoted identifiers and
/// comments, and `::type` casts, are not counted. None when Name does not
/// occur or is not a name (shorter than two characters).
std::optional<unsigned> namedPlaceholderNumber(llvm::StringRef Text,
                                               llvm::StringRef Name,
                                               Dialect D = Dialect::Unknown);

/// The number of the one placeholder in Value, an expression assigned or
/// compared in Statement, as the client API numbers the values it binds:
/// `$2`, `?2`, `$2::jsonb`, `CAST($2 AS int)` give 2; a named one (`:x`,
/// `@x`, `$x`) its namedPlaceholderNumber in Statement; a bare `?` its
/// position among the `?` placeholders of Statement, which needs ValueAt,
/// the byte offset of Value in Statement. Placeholders are tokens of D's
/// lexer: a `?` or `:x` inside a string, a quoted name or a comment is
/// none, nor is a client-side format field (`%s`, `{}`). None when Value
/// holds no placeholder or several, or a bare `?` without ValueAt.
std::optional<unsigned> valuePlaceholderNumber(llvm::StringRef Statement,
                                               llvm::StringRef Value,
                                               std::optional<size_t> ValueAt,
                                               Dialect D = Dialect::Unknown);

/// Whether Value, an expression as written (Assignment::Value), is one
/// fragment unknown at analysis time and nothing else: a HoleChar alone, in
/// parentheses, or alone in a string literal ('<hole>'), as D's lexer reads
/// it.
bool isOneHole(llvm::StringRef Value, Dialect D = Dialect::Unknown);

/// How a SELECT's select-list item uses a column.
enum class ColumnUse {
  None,       ///< the item does not read the column
  Expression, ///< an expression that reads it: `balance + 1`, `lower(name)`
  Exactly,    ///< the column alone: `balance`, `t."balance"`, `balance AS b`
  All,        ///< `*` or `t.*`: every column, this one included, as it is
};

/// How Item, one select-list item as written (StatementFacts::
/// SelectedColumns), uses Column, a normalised name (Assignment::Column).
/// Read by D's lexer: the column is an identifier token, bare, qualified or
/// quoted, that is neither a function's name, a qualifier, nor the item's
/// alias (`x AS balance`, `x balance`); strings, placeholders and comments
/// never name it. Names compare as D compares column names: exactly in
/// PostgreSQL (where a bare name is lower-cased and a quoted one is not),
/// regardless of case elsewhere.
ColumnUse selectItemUse(llvm::StringRef Item, llvm::StringRef Column,
                        Dialect D = Dialect::Unknown);

/// The column a key part (StatementFacts::KeyColumns, UniqueKey::Columns)
/// constrains: the part itself for a column, the innermost argument of an
/// expression key ("lower(email)" and "lower(trim(email))" give "email").
std::string keyColumn(llvm::StringRef KeyPart);

/// Whether Text restates Predicate (a partial index's WHERE, as written):
/// Predicate's tokens occur in Text one after the other, words compared
/// without regard to case, everything else (strings, quoted names, numbers)
/// exactly; spacing and comments do not matter. An empty Predicate is
/// restated by any text.
bool restatesPredicate(llvm::StringRef Text, llvm::StringRef Predicate,
                       Dialect D = Dialect::Unknown);

/// What an atomic insert-if-absent does when a row with the key is there.
enum class IfRowExists {
  /// Leave the row as it is: insert nothing, raise nothing.
  Skip,
  /// Set the row's key to its own value. PostgreSQL and SQLite then return
  /// the existing row through RETURNING as well (get-or-create), and
  /// MySQL's ON DUPLICATE KEY UPDATE k = k, unlike INSERT IGNORE, still
  /// raises every error other than the duplicate key.
  Touch,
};

/// The atomic form of an INSERT that a caller asks rewriteAsAtomicInsert
/// for.
struct AtomicInsertForm {
  /// The unique key the database arbitrates on, normalised as
  /// UniqueKey::Columns spells it: column names, or expression keys such as
  /// "lower(email)". PostgreSQL and SQLite name it as the ON CONFLICT
  /// target, SQL Server restates it in the NOT EXISTS. May be empty
  /// (PostgreSQL and SQLite: any unique key; SQL Server: refused).
  std::vector<std::string> Key;
  /// The WHERE of a partial unique index, as written (UniqueKey::Predicate):
  /// PostgreSQL and SQLite infer such an index only when the ON CONFLICT
  /// target restates it; SQL Server's NOT EXISTS must look only at the rows
  /// the index covers. MySQL has no partial index and ignores it, as do
  /// PostgreSQL and SQLite without a Key (a target-less ON CONFLICT
  /// arbitrates on every unique index, partial ones included).
  std::string KeyPredicate;
  IfRowExists IfExists = IfRowExists::Skip;
  /// Columns the statement returns (normalised names). With Skip a row
  /// comes back only when the INSERT added one, which tells a new row from
  /// an existing one; with Touch it comes back either way. Ignored when the
  /// INSERT returns something already (its own RETURNING or OUTPUT).
  std::vector<std::string> Returning;
};

/// Builds the dialect's atomic insert-if-absent form of an INSERT, given
/// its text and the form wanted. Everything the user wrote is kept as
/// written; a trailing ';' is dropped.
///  PostgreSQL: "<insert> ON CONFLICT (k1, k2) [WHERE <predicate>]
///              DO NOTHING", or with Touch "DO UPDATE SET k1 = EXCLUDED.k1"
///              (k1: the first key part that is a column), placed before a
///              RETURNING clause, else followed by "RETURNING <Returning>";
///              no target list when Key is empty
///  SQLite:     the same, Touch as "DO UPDATE SET k1 = k1" (an unqualified
///              column is the existing row's), and "WHERE true" added to an
///              INSERT ... SELECT ... FROM that has no WHERE, as SQLite's
///              parser needs
///  MySQL:      "INSERT IGNORE INTO ...", or with Touch "<insert> ON
///              DUPLICATE KEY UPDATE k1 = k1" (VALUES or SET source only).
///              MySQL has no INSERT ... RETURNING: asking for Returning is
///              refused
///  SQLServer:  "INSERT INTO t (cols) [OUTPUT inserted.c] SELECT <values>
///              WHERE NOT EXISTS (SELECT 1 FROM t WITH (UPDLOCK, HOLDLOCK)
///              WHERE k = <value> [AND (<predicate>)])" for a single VALUES
///              row naming every key column. Key values are repeated, so
///              positional "?" parameters occur twice. Touch is refused.
/// Returns an empty string when the text cannot be rewritten safely: not a
/// single plain INSERT, already atomic, malformed, containing a HoleChar, an
/// Unknown dialect, or a form the dialect cannot express.
std::string rewriteAsAtomicInsert(llvm::StringRef InsertSql,
                                  const AtomicInsertForm &Form, Dialect D);

/// The same with only AtomicInsertForm::Key given: skip an existing row,
/// return nothing more than the INSERT does.
std::string rewriteAsAtomicInsert(llvm::StringRef InsertSql,
                                  const std::vector<std::string> &KeyColumns,
                                  Dialect D);

} // namespace sqlrace::sql

#endif
