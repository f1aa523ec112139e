//===- Rewrite.cpp - sqlrace ----------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// rewriteAsAtomicInsert: the dialect's insert-if-absent spelling of a plain
// INSERT, in the form the caller asks for (conflict target and partial-index
// predicate, skip or touch the existing row, what to return). Text is
// spliced at token offsets so that everything the user wrote (case,
// spacing, placeholders) survives unchanged.
//===----------------------------------------------------------------------===//

#include "ParserImpl.h"
#include "llvm/ADT/StringExtras.h"

using llvm::StringRef;

namespace sqlrace::sql {
namespace {

bool isPlainLowerIdent(StringRef S) {
  if (S.empty() || !(llvm::isLower(S[0]) || S[0] == '_'))
    return false;
  for (char C : S)
    if (!(llvm::isLower(C) || llvm::isDigit(C) || C == '_' || C == '$'))
      return false;
  return true;
}

/// Words that PostgreSQL (reserved and type/function-name keywords) or
/// SQLite will not take as a bare column name. Quoting a lower-case name
/// never changes it, so the list errs on the long side.
bool isReservedWord(StringRef W) {
  return detail::inList(
      W, {"all", "analyse", "analyze", "and", "any", "array", "as", "asc",
          "asymmetric", "authorization", "binary", "both", "case", "cast",
          "check", "collate", "collation", "column", "concurrently",
          "constraint", "create", "cross", "current_catalog", "current_date",
          "current_role", "current_schema", "current_time", "current_timestamp",
          "current_user", "default", "deferrable", "desc", "distinct", "do",
          "else", "end", "except", "false", "fetch", "for", "foreign", "freeze",
          "from", "full", "grant", "group", "having", "ilike", "in",
          "initially", "inner", "intersect", "into", "is", "isnull", "join",
          "lateral", "leading", "left", "like", "limit", "localtime",
          "localtimestamp", "natural", "not", "notnull", "null", "offset", "on",
          "only", "or", "order", "outer", "overlaps", "placing", "primary",
          "references", "returning", "right", "select", "session_user",
          "similar", "some", "symmetric", "table", "tablesample", "then", "to",
          "trailing", "true", "union", "unique", "user", "using", "variadic",
          "verbose", "when", "where", "window", "with",
          // SQLite only
          "add", "alter", "autoincrement", "between", "by", "commit", "delete",
          "drop", "escape", "exists", "glob", "if", "index", "indexed",
          "insert", "match", "nothing", "raise", "regexp", "set", "transaction",
          "update", "values", "view", "virtual"});
}

/// True for an expression key as keyExpr spells one, "lower(email)": a
/// plain function name and one balanced argument group ending the key.
/// A quoted column name with a '(' ("a(b") normally fails this; one that
/// happens to read as a call ("f(x)") cannot be told from an expression.
bool isFunctionCallKey(StringRef Key, Dialect D) {
  std::vector<LexProblem> Problems;
  std::vector<Token> Toks = tokenize(Key, D, &Problems);
  if (!Problems.empty() || Toks.size() < 3 || Toks[0].Offset != 0 ||
      Toks[0].Kind != TokenKind::Word || !isPlainLowerIdent(Toks[0].Text) ||
      isReservedWord(Toks[0].Text) || !Toks[1].isPunct("(") ||
      Toks[0].end() != Toks[1].Offset)
    return false;
  int Depth = 0;
  for (size_t I = 1; I < Toks.size(); ++I) {
    const Token &T = Toks[I];
    if (T.Unterminated || T.Kind == TokenKind::Hole ||
        T.Kind == TokenKind::QuotedIdent || T.isPunct(";"))
      return false;
    if (T.isPunct("("))
      ++Depth;
    else if (T.isPunct(")") && --Depth == 0)
      return I + 1 == Toks.size() && T.end() == Key.size();
  }
  return false;
}

/// Spells a normalised key part for PostgreSQL or SQLite (an ON CONFLICT
/// target, a SET or RETURNING column): plain names bare, expression keys as
/// they are, anything else double-quoted.
std::string spellKey(const std::string &Key, Dialect D) {
  if ((isPlainLowerIdent(Key) && !isReservedWord(Key)) ||
      isFunctionCallKey(Key, D))
    return Key;
  std::string Quoted = "\"";
  for (char C : Key) {
    Quoted += C;
    if (C == '"')
      Quoted += '"';
  }
  return Quoted + "\"";
}

/// Spells a normalised column name in Open...Close quotes unless it is a
/// plain lower-case name (MySQL backquotes, SQL Server brackets).
std::string spellColumn(const std::string &Column, char Open, char Close) {
  if (isPlainLowerIdent(Column) && !isReservedWord(Column) &&
      !detail::inList(Column, {"key", "keys", "range", "read", "write"}))
    return Column;
  std::string Quoted(1, Open);
  for (char C : Column) {
    Quoted += C;
    if (C == Close)
      Quoted += Close;
  }
  return Quoted + Close;
}

/// The first key part that is a column rather than an expression: what a
/// no-op update of the existing row sets.
const std::string *firstColumnKey(const std::vector<std::string> &Key,
                                  Dialect D) {
  for (const std::string &K : Key)
    if (!isFunctionCallKey(K, D))
      return &K;
  return nullptr;
}

/// Whether Text is one SQL expression that can be pasted into a statement:
/// it lexes cleanly, has balanced parentheses, no ';' and no hole.
bool isWholeExpression(StringRef Text, Dialect D) {
  std::vector<LexProblem> Problems;
  std::vector<Token> Toks = tokenize(Text, D, &Problems);
  bool Unbalanced = false;
  matchParens(Toks, &Unbalanced);
  return !Toks.empty() && Problems.empty() && !Unbalanced &&
         llvm::none_of(Toks, [](const Token &T) {
           return T.isPunct(";") || T.Kind == TokenKind::Hole;
         });
}

/// "(Text)", unless Text is one parenthesised group already.
std::string parenthesised(StringRef Text, Dialect D) {
  Text = Text.trim();
  std::vector<Token> Toks = tokenize(Text, D);
  std::vector<size_t> Close = matchParens(Toks);
  if (!Toks.empty() && Toks.front().isPunct("(") &&
      Close.front() == Toks.size() - 1)
    return Text.str();
  return "(" + Text.str() + ")";
}

std::string onConflictRewrite(StringRef Sql, const detail::StatementParser &P,
                              const detail::InsertLayout &L,
                              const StatementFacts &F,
                              const AtomicInsertForm &Form, Dialect D) {
  std::string Clause = " ON CONFLICT";
  if (!Form.Key.empty()) {
    std::vector<std::string> Cols;
    for (const std::string &K : Form.Key)
      Cols.push_back(spellKey(K, D));
    Clause += " (" + llvm::join(Cols, ", ") + ")";
    if (!Form.KeyPredicate.empty()) {
      if (!isWholeExpression(Form.KeyPredicate, D))
        return "";
      Clause += " WHERE " + StringRef(Form.KeyPredicate).trim().str();
    }
  }
  if (Form.IfExists == IfRowExists::Touch) {
    // DO UPDATE needs a conflict target, and a column to set.
    const std::string *Col = firstColumnKey(Form.Key, D);
    if (!Col)
      return "";
    std::string Name = spellKey(*Col, D);
    Clause += " DO UPDATE SET " + Name + " = " +
              (D == Dialect::PostgreSQL ? "EXCLUDED." + Name : Name);
  } else {
    Clause += " DO NOTHING";
  }
  // SQLite cannot tell "FROM t ON CONFLICT" from a join constraint.
  if (D == Dialect::SQLite && L.SelectSource && L.SelectHasFrom &&
      !L.SelectHasWhere)
    Clause = " WHERE true" + Clause;
  size_t StmtEnd = P.tok(P.size() - 1).end();
  if (L.ReturningTok == detail::NoPos) {
    std::string Out = Sql.substr(0, StmtEnd).str() + Clause;
    if (!Form.Returning.empty() && !F.Returning) {
      std::vector<std::string> Cols;
      for (const std::string &C : Form.Returning)
        Cols.push_back(spellKey(C, D));
      Out += " RETURNING " + llvm::join(Cols, ", ");
    }
    return Out;
  }
  size_t Ret = P.tok(L.ReturningTok).Offset;
  return Sql.substr(0, Ret).rtrim().str() + Clause + " " +
         Sql.slice(Ret, StmtEnd).str();
}

std::string insertIgnoreRewrite(StringRef Sql, const detail::StatementParser &P,
                                const detail::InsertLayout &L) {
  size_t StmtEnd = P.tok(P.size() - 1).end();
  size_t After = P.tok(L.IgnoreAfter).end();
  return Sql.substr(0, After).str() + " IGNORE" +
         Sql.slice(After, StmtEnd).str();
}

/// <insert> ON DUPLICATE KEY UPDATE k = k: a no-op on the existing row.
std::string duplicateKeyRewrite(StringRef Sql, const detail::StatementParser &P,
                                const detail::InsertLayout &L,
                                const std::vector<std::string> &Key) {
  // After INSERT ... SELECT the name could also be one of the SELECT's
  // columns, which MySQL rejects as ambiguous.
  const std::string *Col = firstColumnKey(Key, Dialect::MySQL);
  if (!Col || L.SelectSource)
    return "";
  std::string Name = spellColumn(*Col, '`', '`');
  size_t StmtEnd = P.tok(P.size() - 1).end();
  return Sql.substr(0, StmtEnd).str() + " ON DUPLICATE KEY UPDATE " + Name +
         " = " + Name;
}

/// INSERT INTO t (cols) SELECT <values> WHERE NOT EXISTS (SELECT 1 FROM t
/// WITH (UPDLOCK, HOLDLOCK) WHERE k = <value of k> ...).
std::string notExistsRewrite(StringRef Sql, const detail::StatementParser &P,
                             const detail::InsertLayout &L,
                             const StatementFacts &F,
                             const AtomicInsertForm &Form) {
  const std::vector<std::string> &Keys = Form.Key;
  if (Keys.empty() || L.ValuesTok == detail::NoPos || L.RowCount != 1 ||
      L.Columns.empty() || L.FirstRow.size() != L.Columns.size() ||
      L.SourceEnd != P.size() || L.Table.first >= L.Table.second)
    return "";
  std::vector<std::string> Conds;
  for (const std::string &Key : Keys) {
    size_t Found = detail::NoPos;
    for (size_t C = 0; C < L.Columns.size(); ++C) {
      auto [B, E] = L.Columns[C];
      if (E == B + 1 && P.tok(B).isIdentifier() &&
          identifierName(P.tok(B)) == Key)
        Found = C;
    }
    if (Found == detail::NoPos)
      return "";
    auto [VB, VE] = L.FirstRow[Found];
    if (VB >= VE)
      return "";
    Conds.push_back(P.text(L.Columns[Found].first, L.Columns[Found].second) +
                    " = " + P.text(VB, VE));
  }
  if (!Form.KeyPredicate.empty()) {
    if (!isWholeExpression(Form.KeyPredicate, Dialect::SQLServer))
      return "";
    Conds.push_back(parenthesised(Form.KeyPredicate, Dialect::SQLServer));
  }
  std::string Head = Sql.substr(0, P.tok(L.ValuesTok).Offset).rtrim().str();
  if (!Form.Returning.empty() && !F.Returning) {
    std::vector<std::string> Cols;
    for (const std::string &C : Form.Returning) {
      if (isFunctionCallKey(C, Dialect::SQLServer))
        return "";
      Cols.push_back("inserted." + spellColumn(C, '[', ']'));
    }
    Head += " OUTPUT " + llvm::join(Cols, ", ");
  }
  std::string Values =
      P.text(L.FirstRow.front().first, L.FirstRow.back().second);
  return Head + " SELECT " + Values + " WHERE NOT EXISTS (SELECT 1 FROM " +
         P.text(L.Table.first, L.Table.second) +
         " WITH (UPDLOCK, HOLDLOCK) WHERE " + llvm::join(Conds, " AND ") + ")";
}

} // namespace

std::string rewriteAsAtomicInsert(StringRef InsertSql,
                                  const AtomicInsertForm &Form, Dialect D) {
  if (D == Dialect::Unknown || InsertSql.contains(HoleChar))
    return "";
  std::vector<LexProblem> Problems;
  std::vector<Token> Toks = tokenize(InsertSql, D, &Problems);
  std::vector<detail::TokRange> Ranges = detail::splitStatements(Toks);
  if (!Problems.empty() || Ranges.size() != 1)
    return "";
  auto [B, E] = Ranges.front();
  // Text before the statement (a leading ';') is not part of it: start
  // again on the statement alone, so that offsets line up.
  if (B != 0)
    return rewriteAsAtomicInsert(InsertSql.substr(Toks[B].Offset), Form, D);
  llvm::ArrayRef<Token> Slice(Toks.data(), E);
  StatementFacts F;
  detail::InsertLayout L;
  detail::StatementParser P(InsertSql, Slice, D, F);
  P.run(&L);
  if (F.Kind != StatementKind::Insert || F.Atomic != AtomicInsert::None ||
      !F.Problem.empty() || !L.Understood || L.InsertTok == detail::NoPos ||
      F.Table.empty())
    return "";
  switch (D) {
  case Dialect::PostgreSQL:
  case Dialect::SQLite:
    return onConflictRewrite(InsertSql, P, L, F, Form, D);
  case Dialect::MySQL:
    if (!Form.Returning.empty() && !F.Returning)
      return "";
    return Form.IfExists == IfRowExists::Touch
               ? duplicateKeyRewrite(InsertSql, P, L, Form.Key)
               : insertIgnoreRewrite(InsertSql, P, L);
  case Dialect::SQLServer:
    if (Form.IfExists == IfRowExists::Touch)
      return "";
    return notExistsRewrite(InsertSql, P, L, F, Form);
  case Dialect::Unknown:
    break;
  }
  return "";
}

std::string rewriteAsAtomicInsert(StringRef InsertSql,
                                  const std::vector<std::string> &KeyColumns,
                                  Dialect D) {
  AtomicInsertForm Form;
  Form.Key = KeyColumns;
  return rewriteAsAtomicInsert(InsertSql, Form, D);
}

} // namespace sqlrace::sql
