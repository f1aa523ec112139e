//===- DdlParser.cpp - sqlrace --------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// DDL: the subject of every DDL statement, what it does to the schema
// (DdlAction), and the uniqueness guarantees that CREATE TABLE, CREATE
// UNIQUE INDEX and ALTER TABLE ... ADD declare in PostgreSQL, MySQL/MariaDB,
// SQLite and SQL Server. A key whose extent cannot be known keeps its arity:
// an unknown column (a hole, an unreadable part) is an empty string, so the
// key is never mistaken for a narrower one that would cover more checks.
//===----------------------------------------------------------------------===//

#include "ParserImpl.h"
#include <algorithm>

using llvm::StringRef;

namespace sqlrace::sql::detail {

namespace {

/// Words that end the modifiers of CREATE/ALTER/DROP and name the object.
bool isObjectWord(StringRef W) {
  return inList(
      W, {"table",     "index",     "view",        "sequence",     "trigger",
          "function",  "procedure", "schema",      "database",     "type",
          "extension", "domain",    "role",        "user",         "event",
          "policy",    "rule",      "publication", "subscription", "statistics",
          "collation", "server",    "tablespace",  "materialized"});
}

/// Words between an index/key keyword and its column list that are neither
/// its name nor change what it guarantees.
bool isIndexModifier(StringRef W) {
  return inList(W,
                {"key", "index", "clustered", "nonclustered", "btree", "hash"});
}

/// Words that start an ALTER TABLE action. After "ADD a, b" (SQL Server adds
/// several definitions under one ADD) anything else continues the addition.
bool isAlterVerb(StringRef W) {
  return inList(
      W, {"add",     "drop",      "alter",   "modify",    "change",
          "rename",  "set",       "reset",   "owner",     "enable",
          "disable", "validate",  "attach",  "detach",    "inherit",
          "no",      "cluster",   "replica", "of",        "not",
          "force",   "algorithm", "lock",    "convert",   "engine",
          "default", "character", "charset", "collate",   "comment",
          "order",   "with",      "without", "partition", "remove",
          "discard", "import",    "switch",  "rebuild",   "auto_increment"});
}

} // namespace

//===-- Dispatch ----------------------------------------------------------===//

void StatementParser::parseDdl(size_t I) {
  F.Kind = StatementKind::DDL;
  F.Ddl = DdlAction::Other;
  size_t J = I + 1;
  size_t Object = NoPos;
  bool Unique = false;
  if (kw(I, "TRUNCATE") || kw(I, "RENAME")) {
    if (kwIn(J, {"table", "tables"}))
      ++J;
  } else {
    // Skip modifiers up to the object word (OR REPLACE, TEMP, UNIQUE, ...).
    size_t Limit = std::min(N, J + 12);
    while (J < Limit &&
           !(tok(J).Kind == TokenKind::Word && isObjectWord(tok(J).Text))) {
      Unique |= kw(J, "UNIQUE");
      J = next(J);
    }
    if (kw(J, "MATERIALIZED"))
      ++J;
    Object = J;
    ++J;
  }
  while (kwIn(J, {"if", "not", "exists", "concurrently", "only"}))
    ++J;
  bool Index = kw(Object, "INDEX"), Trigger = kw(Object, "TRIGGER");
  bool TableLike = Object == NoPos || // TRUNCATE, RENAME
                   kwIn(Object, {"table", "view", "index", "trigger"});
  NameRef Name; // the object's own name: table, index, view...
  size_t K = parseName(J, N, Name);
  NameRef Subject = Name; // what F.Table names: an index's table
  size_t On = NoPos;
  if (Index || Trigger) {
    On = findKw(J, N, {"on"});
    if (On != NoPos) {
      size_t T = On + 1;
      if (kw(T, "ONLY"))
        ++T;
      parseName(T, N, Subject);
    } else {
      Subject = NameRef(); // DROP INDEX ix: the table is not named
    }
  } else if (K == J) {
    problem("missing object name");
  }
  F.Table = Subject.Name;
  if (TableLike)
    addWritten(Subject.Name);

  bool Table = kw(Object, "TABLE");
  // A view reads its query whenever it is read; CREATE then names it too.
  if (kwIn(I, {"create", "alter"}) && kw(Object, "VIEW")) {
    size_t Q = findDdlQuery(K, /*BareSelect=*/false);
    if (Q != NoPos)
      readDdlQuery(Q);
  }
  if (kw(I, "CREATE") && Table) {
    F.Ddl = DdlAction::CreateTable;
    parseCreateTable(K);
  } else if (kw(I, "CREATE") && Index) {
    F.Ddl = DdlAction::CreateIndex;
    parseCreateIndex(Name, On, Unique);
  } else if (kw(I, "ALTER") && Table) {
    F.Ddl = DdlAction::AlterTable;
    parseAlterTable(K);
  } else if (kw(I, "DROP") && Table) {
    F.Ddl = DdlAction::DropTable;
  } else if (kw(I, "DROP") && Index) {
    F.Ddl = DdlAction::DropIndex;
    F.DroppedName = Name.Name;
    if (K == J)
      problem("missing index name");
  }
  // TRUNCATE a, b and DROP TABLE a, b: the first is the subject, all are
  // written.
  if (kw(I, "TRUNCATE") || F.Ddl == DdlAction::DropTable)
    for (size_t P = K; P < N; P = next(P))
      if (punct(P, ",")) {
        NameRef More;
        parseName(P + 1, N, More);
        addWritten(More.Name);
      }
}

//===-- CREATE TABLE ------------------------------------------------------===//

void StatementParser::parseCreateTable(size_t I) {
  // PostgreSQL typed and partition tables take constraints after the parent:
  // CREATE TABLE t PARTITION OF parent (UNIQUE (a)) FOR VALUES ...
  NameRef Parent;
  if (kw(I, "PARTITION") && kw(I + 1, "OF")) {
    I = parseName(I + 2, N, Parent);
    if (Parent.Known)
      addRead(Parent.Name);
  } else if (kw(I, "OF")) {
    I = parseName(I + 1, N, Parent); // a composite type, not a table
  }
  size_t Q = findDdlQuery(I, /*BareSelect=*/true);
  readReferences(I, Q == NoPos ? N : Q);
  if (Q != NoPos)
    readDdlQuery(Q);
  if (!punct(I, "(")) {
    // AS SELECT, LIKE other, USING fts5(...): no key is known.
    if (I >= N)
      problem("missing column list");
    return;
  }
  for (TokRange R : split(I + 1, closeOf(I), ","))
    parseTableElement(R.first, R.second);
}

size_t StatementParser::findDdlQuery(size_t B, bool BareSelect) const {
  auto StartsQuery = [&](size_t P) {
    return kwIn(P, {"select", "with", "values", "table"}) ||
           (punct(P, "(") && kwIn(P + 1, {"select", "with"}));
  };
  for (size_t P = B; P < N; P = next(P)) {
    if (kw(P, "AS") && StartsQuery(P + 1))
      return P + 1;
    // MySQL: CREATE TABLE t [(...)] [IGNORE | REPLACE] [AS] SELECT ...
    if (BareSelect && kw(P, "SELECT"))
      return P;
  }
  return NoPos;
}

void StatementParser::readDdlQuery(size_t Q) {
  size_t S = Q;
  while (punct(S, "(") &&
         (kwIn(S + 1, {"select", "with"}) || punct(S + 1, "(")))
    ++S;
  if (kw(S, "TABLE")) { // PostgreSQL: CREATE TABLE t AS TABLE other
    NameRef Source;
    parseName(S + 1, N, Source);
    if (Source.Known)
      addRead(Source.Name);
    return;
  }
  while (kw(S, "WITH")) { // registers the CTE names that are no tables
    size_t After = parseWith(S);
    if (After <= S)
      break;
    S = After;
  }
  collectReads(Q, N);
}

void StatementParser::readReferences(size_t B, size_t E) {
  for (size_t P = B; P < E && P < N; ++P)
    if (kw(P, "REFERENCES")) {
      NameRef Target;
      parseName(P + 1, E, Target);
      if (Target.Known)
        addRead(Target.Name);
    }
}

void StatementParser::parseTableElement(size_t B, size_t E) {
  if (B >= E) {
    problem("empty table element");
    return;
  }
  std::string Constraint;
  size_t P = B;
  if (kw(P, "CONSTRAINT")) {
    ++P;
    // MySQL allows CONSTRAINT without a symbol.
    if (!kwIn(P, {"primary", "unique", "check", "foreign", "exclude"})) {
      NameRef C;
      P = parseName(P, E, C);
      Constraint = C.Name;
    }
  }
  if (kw(P, "PRIMARY") && kw(P + 1, "KEY"))
    return parseKeyConstraint(P + 2, E, Constraint, /*PrimaryKey=*/true);
  if (kw(P, "UNIQUE"))
    return parseKeyConstraint(P + 1, E, Constraint, /*PrimaryKey=*/false);
  // CHECK, FOREIGN KEY, EXCLUDE, FULLTEXT/SPATIAL keys, LIKE: no uniqueness.
  if (P != B ||
      kwIn(P, {"check", "foreign", "exclude", "fulltext", "spatial", "like"}))
    return;
  if (kwIn(B, {"index", "key"}) && isIndexElement(B, E))
    return parseIndexElement(B, E);
  parseColumnDef(B, E);
}

bool StatementParser::isIndexElement(size_t B, size_t E) const {
  // KEY and INDEX are reserved in MySQL and SQL Server; PostgreSQL and
  // SQLite have no inline index, so there "key" is a column name.
  if (D == Dialect::MySQL || D == Dialect::SQLServer)
    return true;
  if (D != Dialect::Unknown)
    return false;
  // Decide by shape: "KEY ix (a)" against "key varchar(255) UNIQUE".
  bool SawName = false;
  for (size_t J = B + 1; J < E; ++J) {
    if (punct(J, "(")) {
      const Token &First = tok(J + 1);
      return First.isIdentifier() || First.Kind == TokenKind::Hole ||
             punct(J + 1, "(");
    }
    if (kw(J, "USING")) {
      ++J;
      continue;
    }
    if (kw(J, "UNIQUE") ||
        (tok(J).Kind == TokenKind::Word && isIndexModifier(tok(J).Text)))
      continue;
    if (SawName || !tok(J).isIdentifier())
      return false;
    SawName = true;
  }
  return false;
}

void StatementParser::parseIndexElement(size_t B, size_t E) {
  // MySQL "INDEX ix (a)" never guarantees uniqueness; SQL Server's inline
  // "INDEX ix UNIQUE [NONCLUSTERED] (a) [WHERE ...]" does.
  UniqueKey Key;
  Key.Table = F.Table;
  Key.IsIndex = true;
  bool Unique = false;
  size_t J = B + 1;
  for (; J < E && !punct(J, "("); ++J) {
    if (kw(J, "UNIQUE")) {
      Unique = true;
    } else if (kw(J, "USING")) {
      ++J;
    } else if (tok(J).isIdentifier() || tok(J).Kind == TokenKind::Hole) {
      if (tok(J).Kind == TokenKind::Word && isIndexModifier(tok(J).Text))
        continue;
      NameRef Name;
      size_t K = parseName(J, E, Name);
      if (K == J)
        break;
      Key.Name = Name.Name;
      J = K - 1;
    } else {
      break;
    }
  }
  if (!Unique)
    return;
  if (J >= E || !punct(J, "(")) {
    problem("missing key column list");
  } else {
    Key.Columns = keyList(J);
    size_t Where = findKw(next(J), E, {"where"});
    if (Where != NoPos)
      Key.Predicate = text(Where + 1, predicateEnd(Where + 1, E));
  }
  F.UniqueKeys.push_back(std::move(Key));
}

void StatementParser::parseColumnDef(size_t B, size_t E) {
  NameRef Column;
  size_t J = parseName(B, E, Column);
  if (J == B) {
    problem("unrecognised table element");
    return;
  }
  std::string Pending; // CONSTRAINT name, for the constraint right after it
  size_t PendingAt = NoPos;
  while (J < E) {
    if (kw(J, "CONSTRAINT")) {
      NameRef C;
      size_t K = parseName(J + 1, E, C);
      Pending = C.Name;
      PendingAt = K;
      J = K > J + 1 ? K : J + 1;
      continue;
    }
    bool PrimaryKey = kw(J, "PRIMARY") && kw(J + 1, "KEY");
    bool Unique = kw(J, "UNIQUE");
    // MySQL: a bare KEY in a column definition means PRIMARY KEY.
    bool BareKey =
        kw(J, "KEY") && (D == Dialect::MySQL || D == Dialect::Unknown);
    if (!PrimaryKey && !Unique && !BareKey) {
      J = next(J);
      continue;
    }
    UniqueKey Key;
    Key.Table = F.Table;
    Key.Columns.push_back(Column.Name);
    Key.PrimaryKey = PrimaryKey || BareKey;
    Key.Name = keyName(Key.PrimaryKey, PendingAt == J ? Pending : "");
    J += PrimaryKey ? 2 : 1;
    if (Unique) {
      if (kw(J, "NULLS") && kw(J + 1, "NOT") && kw(J + 2, "DISTINCT")) {
        Key.NullsNotDistinct = true;
        J += 3;
      } else if (kw(J, "NULLS") && kw(J + 1, "DISTINCT")) {
        J += 2;
      }
      if (kw(J, "KEY")) // MySQL UNIQUE KEY
        ++J;
    }
    F.UniqueKeys.push_back(std::move(Key));
  }
}

void StatementParser::parseKeyConstraint(size_t I, size_t E,
                                         const std::string &Constraint,
                                         bool PrimaryKey) {
  UniqueKey Key;
  Key.Table = F.Table;
  Key.PrimaryKey = PrimaryKey;
  std::string IndexName; // MySQL UNIQUE KEY ux (a): the index's own name
  bool UsingIndex = false;
  size_t J = I;
  for (; J < E && !punct(J, "("); ++J) {
    if (kw(J, "NULLS")) {
      if (kw(J + 1, "NOT") && kw(J + 2, "DISTINCT")) {
        Key.NullsNotDistinct = true;
        J += 2;
      } else if (kw(J + 1, "DISTINCT")) {
        ++J;
      }
      continue;
    }
    if (kw(J, "USING")) {
      if (kw(J + 1, "INDEX")) { // PostgreSQL: adopt an existing index
        NameRef Existing;
        parseName(J + 2, E, Existing);
        Key.UsingIndex = Existing.Name;
        UsingIndex = true;
        if (!Existing.Found)
          problem("missing index name");
        J = E;
        break;
      }
      ++J; // USING BTREE
      continue;
    }
    if (tok(J).Kind == TokenKind::Word && isIndexModifier(tok(J).Text))
      continue;
    NameRef Name;
    size_t K = parseName(J, E, Name);
    if (K == J)
      break;
    IndexName = Name.Name;
    J = K - 1;
  }
  Key.Name = keyName(PrimaryKey, IndexName.empty() ? Constraint : IndexName);
  if (J < E && punct(J, "("))
    Key.Columns = keyList(J);
  else if (!UsingIndex)
    problem("missing key column list");
  F.UniqueKeys.push_back(std::move(Key));
}

std::string StatementParser::keyName(bool PrimaryKey,
                                     const std::string &Written) const {
  // MySQL ignores the constraint symbol of a primary key: it is always
  // named PRIMARY (and "DROP INDEX `PRIMARY`" drops it).
  if (PrimaryKey && D == Dialect::MySQL)
    return "primary";
  return Written;
}

//===-- CREATE INDEX ------------------------------------------------------===//

void StatementParser::parseCreateIndex(const NameRef &Index, size_t On,
                                       bool Unique) {
  if (On == NoPos) {
    problem("missing ON table");
    return;
  }
  size_t J = On + 1;
  if (kw(J, "ONLY"))
    ++J;
  NameRef Table;
  size_t K = parseName(J, N, Table);
  if (K == J)
    problem("missing table name");
  J = K;
  if (kw(J, "USING")) // PostgreSQL USING btree
    J += 2;
  if (!Unique)
    return;
  UniqueKey Key;
  Key.Table = F.Table;
  Key.Name = Index.Name;
  Key.IsIndex = true;
  if (!punct(J, "(")) {
    problem("missing key column list");
    F.UniqueKeys.push_back(std::move(Key));
    return;
  }
  Key.Columns = keyList(J);
  // After the key list: INCLUDE (...), NULLS [NOT] DISTINCT, WITH (...),
  // TABLESPACE x, WHERE predicate (SQL Server: then WITH (...), ON fg).
  for (size_t P = next(J); P < N; P = next(P)) {
    if (kw(P, "NULLS") && kw(P + 1, "NOT") && kw(P + 2, "DISTINCT"))
      Key.NullsNotDistinct = true;
    if (kw(P, "WHERE")) {
      Key.Predicate = text(P + 1, predicateEnd(P + 1, N));
      if (Key.Predicate.empty())
        problem("missing index predicate");
      break;
    }
  }
  F.UniqueKeys.push_back(std::move(Key));
}

size_t StatementParser::predicateEnd(size_t B, size_t E) const {
  // SQL Server puts index options and the filegroup after a filter:
  // WHERE x IS NOT NULL WITH (ONLINE = ON) ON [PRIMARY].
  for (size_t P = B; P < E && P < N; P = next(P))
    if ((kw(P, "WITH") && punct(P + 1, "(")) || kw(P, "ON"))
      return P;
  return std::min(E, N);
}

//===-- Key columns -------------------------------------------------------===//

std::vector<std::string> StatementParser::keyList(size_t Open) {
  std::vector<std::string> Out;
  size_t Close = closeOf(Open);
  if (Close == Open + 1) {
    problem("empty key column list");
    return Out;
  }
  for (TokRange R : split(Open + 1, Close, ",")) {
    if (R.first >= R.second)
      problem("empty key column");
    Out.push_back(keyPart(R.first, R.second, 0));
  }
  return Out;
}

std::string StatementParser::keyPart(size_t B, size_t E, unsigned Depth) const {
  E = std::min(E, N);
  if (Depth > MaxDepth)
    depthLimit();
  if (B >= E || Depth > MaxDepth)
    return "";
  // Collation, order and NULLS placement end the key proper.
  for (size_t P = B + 1; P < E; P = next(P))
    if (kwIn(P, {"collate", "asc", "desc", "nulls"})) {
      E = P;
      break;
    }
  // What may follow an expression or a column: an operator class, with
  // parameters (gist_trgm_ops(siglen=32)).
  auto OpClassOnly = [&](size_t P) {
    return P >= E || tok(P).Kind == TokenKind::Word;
  };
  if (punct(B, "(")) {
    size_t C = closeOf(B);
    if (C < E && OpClassOnly(C + 1))
      return keyPart(B + 1, C, Depth + 1); // (lower(email)), (email)
    return keyExpr(B, E);
  }
  if (tok(B).Kind == TokenKind::Word && punct(B + 1, "(")) {
    size_t C = closeOf(B + 1);
    if (C >= E || !OpClassOnly(C + 1))
      return keyExpr(B, E);
    // MySQL prefix key: name(10) is the column name.
    if (C == B + 3 && tok(B + 2).Kind == TokenKind::Number)
      return tok(B).Text.contains(HoleChar) ? "" : identifierName(tok(B));
    return keyExpr(B, C + 1);
  }
  NameRef Name;
  size_t K = parseName(B, E, Name);
  if (K > B && OpClassOnly(K))
    return Name.Known ? Name.Last : "";
  return keyExpr(B, E);
}

std::string StatementParser::keyExpr(size_t B, size_t E) const {
  // Lower-cased, whitespace removed, as KeyColumns spells "lower(email)";
  // quoted names lose their quotes, literals stay as written.
  std::string Out;
  for (size_t P = B; P < E && P < N; ++P) {
    const Token &T = tok(P);
    // Unknown or cut short (an unclosed group): no key part can be named.
    if (T.Kind == TokenKind::Hole || T.Unterminated ||
        T.Text.contains(HoleChar) || (T.isPunct("(") && closeOf(P) >= E))
      return "";
    if (T.isIdentifier())
      Out += identifierName(T);
    else
      Out += T.Text.str();
  }
  return Out;
}

//===-- ALTER TABLE -------------------------------------------------------===//

void StatementParser::parseAlterTable(size_t I) {
  if (punct(I, "*")) // PostgreSQL: t * names the descendants too
    ++I;
  if (I >= N) {
    problem("missing ALTER TABLE action");
    return;
  }
  readReferences(I, N); // ADD ... FOREIGN KEY (...) REFERENCES r (...)
  bool Adding = false;
  for (TokRange R : split(I, N, ",")) {
    size_t B = R.first, E = R.second;
    if (kw(B, "WITH") && kwIn(B + 1, {"check", "nocheck"}))
      B += 2; // SQL Server: WITH NOCHECK ADD CONSTRAINT ...
    if (kw(B, "ADD")) {
      Adding = true;
      parseAlterAddition(B + 1, E);
    } else if (kw(B, "DROP")) {
      Adding = false;
      parseAlterDrop(B + 1, E);
    } else if (kwIn(B, {"modify", "change"})) {
      // MySQL: MODIFY [COLUMN] c def, CHANGE [COLUMN] old new def.
      Adding = false;
      size_t P = B + 1;
      if (kw(P, "COLUMN"))
        ++P;
      if (kw(B, "CHANGE")) {
        NameRef Old;
        P = parseName(P, E, Old);
      }
      if (P < E)
        parseColumnDef(P, E);
    } else if (Adding && B < E &&
               !(tok(B).Kind == TokenKind::Word && isAlterVerb(tok(B).Text))) {
      parseAlterAddition(B, E); // SQL Server: ADD CONSTRAINT a ..., b ...
    } else {
      Adding = false;
    }
  }
}

void StatementParser::parseAlterAddition(size_t B, size_t E) {
  if (B >= E) {
    problem("missing definition after ADD");
    return;
  }
  if (kw(B, "COLUMN") || kw(B, "IF")) {
    if (kw(B, "COLUMN"))
      ++B;
    while (kwIn(B, {"if", "not", "exists"}))
      ++B;
    if (B < E)
      parseColumnDef(B, E);
    return;
  }
  if (punct(B, "(")) { // MySQL: ADD (a INT, b INT UNIQUE)
    for (TokRange R : split(B + 1, closeOf(B), ","))
      parseTableElement(R.first, R.second);
    return;
  }
  parseTableElement(B, E);
}

void StatementParser::parseAlterDrop(size_t B, size_t E) {
  std::string Dropped;
  size_t P = B;
  if (kw(P, "PRIMARY") && kw(P + 1, "KEY")) {
    Dropped = "primary"; // MySQL's primary key is always named PRIMARY
  } else if (kwIn(P, {"constraint", "index", "key", "check"}) ||
             (kw(P, "FOREIGN") && kw(P + 1, "KEY"))) {
    P += kw(P, "FOREIGN") ? 2 : 1;
    while (kwIn(P, {"if", "exists"}))
      ++P;
    NameRef Name;
    if (parseName(P, E, Name) == P)
      problem("missing constraint name");
    Dropped = Name.Name;
  } else {
    return; // DROP COLUMN, DROP DEFAULT...
  }
  // One statement, one DroppedName: the first drop wins. Keys the same
  // statement adds are still in UniqueKeys.
  if (F.Ddl != DdlAction::DropConstraint) {
    F.Ddl = DdlAction::DropConstraint;
    F.DroppedName = Dropped;
  }
}

} // namespace sqlrace::sql::detail
