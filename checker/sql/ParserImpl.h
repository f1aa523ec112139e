//===- ParserImpl.h - sqlrace ---------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Private to sqlrace_sql: the statement parser shared by Analyzer.cpp,
// SelectParser.cpp, WriteParser.cpp, ControlParser.cpp, DdlParser.cpp and
// Rewrite.cpp.
// The parser works on the tokens of one statement, indexed from 0; every
// scan moves forward and jumps over parenthesised groups through a
// precomputed match table, so a statement is analysed in linear time.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_SQL_PARSERIMPL_H
#define SQLRACE_SQL_PARSERIMPL_H

#include "sqlrace/sql/Lexer.h"
#include "sqlrace/sql/Statement.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sqlrace::sql::detail {

/// "No such token".
constexpr size_t NoPos = static_cast<size_t>(-1);

/// A half-open token index range.
using TokRange = std::pair<size_t, size_t>;

/// Subqueries nested deeper than this are not looked into (stack safety).
constexpr unsigned MaxDepth = 48;

/// A possibly qualified name (schema.table, t.col) read from the tokens.
struct NameRef {
  std::string Name;    ///< normalised, parts joined by '.'; empty if unknown
  std::string Last;    ///< normalised last part; empty if unknown
  bool Found = false;  ///< name tokens (or holes) were there at all
  bool Known = false;  ///< found and free of holes
  size_t B = 0, E = 0; ///< token range of the name
};

/// A table reference in FROM/JOIN/USING or as a DML target.
struct TableRef {
  NameRef Name;
  std::string Alias;              ///< normalised alias, if any
  std::vector<std::string> Hints; ///< WITH (...) hints, upper-case
  bool Derived = false; ///< a parenthesised subquery or a function call
};

/// What one SELECT (without set operations after it) says.
struct SelectInfo {
  std::string Table, Alias;
  std::vector<std::string> Hints, KeyColumns, SelectedColumns;
  ExistenceForm Existence = ExistenceForm::None;
  bool LimitOne = false;
  LockStrength Lock = LockStrength::None;
  bool NoWait = false, SkipLocked = false;
  bool HasFrom = false;
  TokRange Where{NoPos, NoPos}; ///< tokens after WHERE, if any
};

/// Token positions of a plain INSERT, for the rewriter.
struct InsertLayout {
  size_t InsertTok = NoPos;   ///< the INSERT keyword
  size_t IgnoreAfter = NoPos; ///< IGNORE goes after this token
  TokRange Table{NoPos, NoPos};
  std::vector<TokRange> Columns;  ///< written column list
  size_t ValuesTok = NoPos;       ///< VALUES keyword
  std::vector<TokRange> FirstRow; ///< expressions of the first VALUES row
  size_t RowCount = 0;
  bool SelectSource = false, SelectHasFrom = false, SelectHasWhere = false;
  size_t SourceEnd = NoPos;    ///< first token after the VALUES/SELECT source
  size_t ReturningTok = NoPos; ///< RETURNING keyword
  bool Understood = false;     ///< the layout above is complete
};

/// Analyses the tokens of one statement into a StatementFacts.
class StatementParser {
public:
  StatementParser(llvm::StringRef Text, llvm::ArrayRef<Token> Toks, Dialect D,
                  StatementFacts &F);
  /// Fills F. When \p Layout is given and the statement is an INSERT, its
  /// token positions are recorded there too.
  void run(InsertLayout *Layout = nullptr);

  // Token access (Analyzer.cpp).
  const Token &tok(size_t I) const { return I < N ? Toks[I] : EndTok; }
  bool kw(size_t I, llvm::StringRef K) const { return tok(I).isWord(K); }
  bool kwIn(size_t I, std::initializer_list<llvm::StringRef> Ks) const;
  bool punct(size_t I, llvm::StringRef P) const { return tok(I).isPunct(P); }
  /// Index of the ")" closing the "(" at \p I (N when unclosed).
  size_t closeOf(size_t I) const { return I < N ? Close[I] : N; }
  /// The token after the one at \p I, jumping over a whole group at "(".
  size_t next(size_t I) const;
  /// Source text from token \p B to the end of token E-1, as written.
  std::string text(size_t B, size_t E) const;
  /// First index in [B, E) at parenthesis depth 0 holding one of \p Ks.
  size_t findKw(size_t B, size_t E,
                std::initializer_list<llvm::StringRef> Ks) const;
  /// Splits [B, E) at depth-0 tokens equal to punctuation \p Sep.
  std::vector<TokRange> split(size_t B, size_t E, llvm::StringRef Sep) const;
  size_t size() const { return N; }

private:
  llvm::StringRef Text;
  llvm::ArrayRef<Token> Toks;
  size_t N;
  std::vector<size_t> Close;
  Dialect D;
  StatementFacts &F;
  Token EndTok;
  InsertLayout *Layout = nullptr;
  std::vector<std::string> CteNames;
  llvm::StringSet<> ReadSet, WrittenSet; // de-duplicate TablesRead/Written

  // Analyzer.cpp: dispatch and shared pieces.
  void dispatch(size_t I);
  void problem(llvm::StringRef Message);
  /// Records that the statement nests deeper than MaxDepth (F is written
  /// through a reference, so const parsing steps may call it).
  void depthLimit() const {
    if (F.LimitReached.empty())
      F.LimitReached = "SQL nested more than 48 levels deep";
  }
  void addRead(const std::string &Table);
  void addWritten(const std::string &Table);
  bool isReserved(size_t I) const;
  size_t parseName(size_t I, size_t E, NameRef &Out) const;
  size_t parseHints(size_t I, size_t E, std::vector<std::string> &Out) const;
  size_t parseTableRef(size_t I, size_t E, TableRef &Out) const;
  /// Adds every table named after FROM/JOIN in [B, E), subqueries included.
  void collectReads(size_t B, size_t E);
  /// Key columns of a WHERE/ON condition. With \p Target, only columns
  /// qualified by one of those names (or unqualified) are the table's own.
  void collectKeys(size_t B, size_t E, std::vector<std::string> &Out,
                   const std::vector<std::string> *Target,
                   unsigned Depth) const;
  void keyOfConjunct(size_t B, size_t E, std::vector<std::string> &Out,
                     const std::vector<std::string> *Target) const;
  std::optional<std::string> columnExpr(size_t B, size_t E,
                                        const std::vector<std::string> *Target,
                                        unsigned Depth = 0) const;
  bool valueExpr(size_t B, size_t E,
                 const std::vector<std::string> *Target) const;
  /// The NOT EXISTS (...) group among the conjuncts of [B, E), if any.
  size_t findNotExists(size_t B, size_t E) const;

  // SelectParser.cpp.
  size_t parseWith(size_t I);
  void parseSelectStatement(size_t I);
  void parseSelectCore(size_t I, size_t E, SelectInfo &S, unsigned Depth) const;
  void classifySelectList(size_t B, size_t E, SelectInfo &S,
                          unsigned Depth) const;
  bool isLimitOne(size_t B, size_t E) const;
  void parseLockingClause(size_t B, size_t E, SelectInfo &S) const;

  // WriteParser.cpp.
  void parseInsert(size_t I, bool IsReplace);
  size_t parseInsertSource(size_t I, size_t E);
  void parseConflictClauses(size_t I, size_t E);
  void parseUpdate(size_t I);
  void parseAssignments(size_t B, size_t E, const TableRef &Target);
  /// True when [B, E) reads column \p Column of \p Target.
  bool refersTo(size_t B, size_t E, const std::string &Column,
                const TableRef &Target) const;
  /// Resolves a target written as an alias of a FROM table (T-SQL
  /// "UPDATE u SET ... FROM users u").
  void resolveTargetAlias(size_t From, TableRef &Target) const;
  void parseDelete(size_t I);
  void parseMerge(size_t I);
  bool hasReturning(size_t B, size_t E) const;
  /// RETURNING as a clause keyword; T-SQL has OUTPUT instead, so there the
  /// word is a name.
  bool returningKw(size_t I) const {
    return D != Dialect::SQLServer && kw(I, "RETURNING");
  }

  // ControlParser.cpp.
  void parseBegin(size_t I);
  void parseEndOfTransaction(size_t I);
  void parseSet(size_t I);
  void parseIsolation(size_t I, size_t E);
  void parseLockTables(size_t I);
  void scanLockCalls();
  void parseAppLock(size_t I, bool Acquire);

  // DdlParser.cpp: subjects, DdlAction and declared unique keys.
  void parseDdl(size_t I);
  /// The element list after CREATE TABLE's name (token \p I).
  void parseCreateTable(size_t I);
  /// The query of CREATE TABLE ... AS / CREATE VIEW ... AS: the token after
  /// a top-level AS at or after \p B that starts one (or, with
  /// \p BareSelect, MySQL's AS-less SELECT); NoPos if none.
  size_t findDdlQuery(size_t B, bool BareSelect) const;
  /// Records the tables the query at \p Q reads.
  void readDdlQuery(size_t Q);
  /// Records the tables REFERENCES clauses in [B, E) point to.
  void readReferences(size_t B, size_t E);
  /// One column definition or table constraint of CREATE TABLE / ADD.
  void parseTableElement(size_t B, size_t E);
  /// True when an element starting with KEY/INDEX is an inline index, not a
  /// column named "key".
  bool isIndexElement(size_t B, size_t E) const;
  void parseIndexElement(size_t B, size_t E);
  void parseColumnDef(size_t B, size_t E);
  /// A PRIMARY KEY / UNIQUE table constraint; \p I follows its keywords.
  void parseKeyConstraint(size_t I, size_t E, const std::string &Constraint,
                          bool PrimaryKey);
  /// The name a key gets: \p Written, or MySQL's fixed "primary".
  std::string keyName(bool PrimaryKey, const std::string &Written) const;
  void parseCreateIndex(const NameRef &Index, size_t On, bool Unique);
  /// End of a partial-index predicate starting at \p B.
  size_t predicateEnd(size_t B, size_t E) const;
  /// The key parts of the group opened at \p Open, normalised.
  std::vector<std::string> keyList(size_t Open);
  /// One key part: a column name, or an expression as keyExpr spells it;
  /// empty when unknown.
  std::string keyPart(size_t B, size_t E, unsigned Depth) const;
  std::string keyExpr(size_t B, size_t E) const;
  void parseAlterTable(size_t I);
  void parseAlterAddition(size_t B, size_t E);
  void parseAlterDrop(size_t B, size_t E);
};

/// True when \p W equals one of \p Ks, ignoring case.
bool inList(llvm::StringRef W, std::initializer_list<llvm::StringRef> Ks);
/// Words that are values, not column references: NULL, TRUE, CURRENT_DATE...
bool isConstantWord(llvm::StringRef W);

/// Splits a token stream into statements at ";" (not inside BEGIN...END
/// bodies of CREATE TRIGGER/PROCEDURE/FUNCTION). Empty statements dropped.
std::vector<TokRange> splitStatements(llvm::ArrayRef<Token> Toks);

/// Parses an isolation level from words or a string such as
/// 'READ-COMMITTED'; Unspecified when it is none.
Isolation parseIsolationText(llvm::StringRef Text);

} // namespace sqlrace::sql::detail

#endif
