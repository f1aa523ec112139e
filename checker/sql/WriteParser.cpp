//===- WriteParser.cpp - sqlrace ------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// INSERT, REPLACE, UPDATE, DELETE and MERGE: targets, column lists, the
// atomic insert-if-absent forms, SET assignments and RETURNING/OUTPUT.
//===----------------------------------------------------------------------===//

#include "ParserImpl.h"
#include <algorithm>

using llvm::StringRef;

namespace sqlrace::sql::detail {

bool StatementParser::hasReturning(size_t B, size_t E) const {
  if (D == Dialect::SQLServer)
    return findKw(B, E, {"output"}) != NoPos;
  return findKw(B, E, {"returning", "output"}) != NoPos;
}

//===-- INSERT / REPLACE --------------------------------------------------===//

void StatementParser::parseInsert(size_t I, bool IsReplace) {
  F.Kind = IsReplace ? StatementKind::Replace : StatementKind::Insert;
  if (IsReplace)
    F.Atomic = AtomicInsert::ReplaceInto;
  InsertLayout Local;
  InsertLayout &L = Layout ? *Layout : Local;
  L.InsertTok = I;
  L.IgnoreAfter = I;
  size_t J = I + 1;
  for (;;) {
    if (kwIn(J, {"low_priority", "delayed", "high_priority"})) {
      L.IgnoreAfter = J++;
      continue;
    }
    if (kw(J, "IGNORE")) {
      if (!IsReplace)
        F.Atomic = AtomicInsert::InsertIgnore;
      ++J;
      continue;
    }
    if (kw(J, "OR") && tok(J + 1).Kind == TokenKind::Word) { // SQLite
      if (!IsReplace)
        F.Atomic = AtomicInsert::InsertOrConflict;
      J += 2;
      continue;
    }
    if (kw(J, "TOP")) {
      J = punct(J + 1, "(") ? next(J + 1) : J + 2;
      if (kw(J, "PERCENT"))
        ++J;
      continue;
    }
    break;
  }
  if (kw(J, "INTO"))
    ++J;
  NameRef Name;
  size_t K = parseName(J, N, Name);
  if (!Name.Found) {
    problem("missing table name");
  } else {
    F.Table = Name.Name;
    addWritten(Name.Name);
  }
  L.Table = {J, K};
  // Only the WITH (...) spelling here: "t (index, ...)" is a column list.
  J = kw(K, "WITH") ? parseHints(K, N, F.TableHints) : K;
  if (kw(J, "AS") && tok(J + 1).isIdentifier() && !isReserved(J + 1))
    J += 2; // PostgreSQL "INSERT INTO t AS x"
  if (punct(J, "(") && !kwIn(J + 1, {"select", "with", "values"})) {
    for (TokRange R : split(J + 1, closeOf(J), ",")) {
      L.Columns.push_back(R);
      NameRef Col;
      if (parseName(R.first, R.second, Col) == R.second && Col.Known)
        F.InsertColumns.push_back(Col.Last);
    }
    J = next(J);
  }
  if (kw(J, "OUTPUT")) { // T-SQL: OUTPUT inserted.id [INTO @t] VALUES ...
    F.Returning = true;
    size_t Src = findKw(J + 1, N, {"values", "select", "default", "with"});
    J = Src == NoPos ? N : Src;
  }
  J = parseInsertSource(J, N);
  parseConflictClauses(J, N);
  L.Understood = F.Problem.empty();
}

size_t StatementParser::parseInsertSource(size_t J, size_t E) {
  InsertLayout Local;
  InsertLayout &L = Layout ? *Layout : Local;
  if (kwIn(J, {"values", "value"})) {
    L.ValuesTok = J;
    size_t K = J + 1;
    for (;;) {
      if (kw(K, "ROW") && punct(K + 1, "(")) // MySQL VALUES ROW(...)
        ++K;
      if (!punct(K, "(")) {
        if (tok(K).Kind == TokenKind::Hole ||
            tok(K).Kind == TokenKind::Placeholder)
          ++K; // the whole row list is unknown: VALUES %s
        break;
      }
      if (L.RowCount++ == 0)
        for (TokRange R : split(K + 1, closeOf(K), ",")) {
          L.FirstRow.push_back(R);
          F.InsertValues.push_back(text(R.first, R.second));
        }
      K = next(K);
      if (!punct(K, ","))
        break;
      ++K;
    }
    if (K == J + 1 && !F.HasHoles)
      problem("VALUES without a row");
    F.InsertSource = text(J, K);
    // MySQL 8.0.19 row alias: VALUES (...) AS new [(a, b)]
    if (kw(K, "AS") && tok(K + 1).isIdentifier()) {
      K += 2;
      if (punct(K, "("))
        K = next(K);
    }
    L.SourceEnd = K;
    return K;
  }
  if (kw(J, "DEFAULT") && kw(J + 1, "VALUES")) {
    F.InsertSource = text(J, J + 2);
    L.SourceEnd = J + 2;
    return J + 2;
  }
  if (kw(J, "SET")) { // MySQL INSERT ... SET a = 1, b = 2
    size_t End = findKw(J + 1, E, {"on", "returning"});
    End = End == NoPos ? E : End;
    for (TokRange R : split(J + 1, End, ",")) {
      size_t Eq = R.first;
      while (Eq < R.second && !punct(Eq, "="))
        Eq = next(Eq);
      NameRef Col;
      if (Eq < R.second && parseName(R.first, Eq, Col) == Eq && Col.Known) {
        F.InsertColumns.push_back(Col.Last);
        F.InsertValues.push_back(text(Eq + 1, R.second));
      }
    }
    F.InsertSource = text(J, End);
    L.SourceEnd = End;
    return End;
  }
  size_t S = J;
  while (punct(S, "(") &&
         (kwIn(S + 1, {"select", "with"}) || punct(S + 1, "(")))
    ++S;
  if (kwIn(S, {"select", "with"})) {
    size_t End = E;
    for (size_t K = J; K < E; K = next(K))
      if ((kw(K, "ON") && kwIn(K + 1, {"conflict", "duplicate"})) ||
          returningKw(K)) {
        End = K;
        break;
      }
    F.InsertSource = text(J, End);
    while (kw(S, "WITH")) {
      size_t After = parseWith(S);
      if (After <= S)
        break;
      S = After;
    }
    SelectInfo Sel;
    if (kw(S, "SELECT"))
      parseSelectCore(S, End, Sel, 0);
    L.SelectSource = true;
    L.SelectHasFrom = Sel.HasFrom;
    L.SelectHasWhere = Sel.Where.first != NoPos;
    L.SourceEnd = End;
    collectReads(J, End);
    if (Sel.Where.first != NoPos) {
      size_t G = findNotExists(Sel.Where.first, Sel.Where.second);
      if (G != NoPos && F.Atomic == AtomicInsert::None) {
        F.Atomic = AtomicInsert::InsertSelectNotExists;
        SelectInfo Inner;
        if (kw(G + 1, "SELECT"))
          parseSelectCore(G + 1, closeOf(G), Inner, 1);
        F.KeyColumns = Inner.KeyColumns;
        if (F.TableHints.empty() && Inner.Table == F.Table)
          F.TableHints = Inner.Hints;
      }
    }
    return End;
  }
  if (tok(J).Kind == TokenKind::Hole)
    return J + 1;
  if (!F.HasHoles)
    problem("INSERT without VALUES or SELECT");
  return J;
}

void StatementParser::parseConflictClauses(size_t J, size_t E) {
  InsertLayout Local;
  InsertLayout &L = Layout ? *Layout : Local;
  auto SetAtomic = [&](AtomicInsert A) {
    if (F.Atomic == AtomicInsert::None ||
        F.Atomic == AtomicInsert::InsertIgnore)
      F.Atomic = A;
  };
  for (size_t K = J; K < E; K = next(K)) {
    if (kw(K, "ON") && kw(K + 1, "CONFLICT")) {
      size_t P = K + 2;
      std::vector<std::string> Cols;
      if (punct(P, "(")) {
        for (TokRange R : split(P + 1, closeOf(P), ",")) {
          size_t RB = R.first, RE = R.second;
          if (punct(RB, "(") && closeOf(RB) == RE - 1) {
            ++RB;
            --RE;
          }
          // An operator class may follow: (email text_pattern_ops).
          std::optional<std::string> C = columnExpr(RB, RE, nullptr);
          if (!C && RE > RB + 1)
            C = columnExpr(RB, RE - 1, nullptr);
          if (C)
            Cols.push_back(*C);
        }
        P = next(P);
        if (kw(P, "WHERE")) {
          size_t Do = findKw(P, E, {"do"});
          P = Do == NoPos ? E : Do;
        }
      } else if (kw(P, "ON") && kw(P + 1, "CONSTRAINT")) {
        P += 3;
      }
      if (kw(P, "DO") && kw(P + 1, "NOTHING"))
        SetAtomic(AtomicInsert::OnConflictDoNothing);
      else if (kw(P, "DO") && kw(P + 1, "UPDATE"))
        SetAtomic(AtomicInsert::OnConflictDoUpdate);
      else
        problem("ON CONFLICT without DO NOTHING or DO UPDATE");
      if (F.ConflictColumns.empty())
        F.ConflictColumns = Cols;
      K = P;
      continue;
    }
    if (kw(K, "ON") && kw(K + 1, "DUPLICATE") && kw(K + 2, "KEY")) {
      SetAtomic(AtomicInsert::OnDuplicateKeyUpdate);
      continue;
    }
    if (returningKw(K)) {
      F.Returning = true;
      if (L.ReturningTok == NoPos)
        L.ReturningTok = K;
    }
  }
}

//===-- UPDATE ------------------------------------------------------------===//

void StatementParser::resolveTargetAlias(size_t From, TableRef &Target) const {
  if (From == NoPos || !Target.Alias.empty() || !Target.Name.Known ||
      Target.Name.Name.find('.') != std::string::npos)
    return;
  size_t J = From + 1;
  for (;;) {
    TableRef R;
    size_t K = parseTableRef(J, N, R);
    if (K == J)
      return;
    if (!R.Derived && R.Name.Known && R.Alias == Target.Name.Name) {
      Target.Alias = R.Alias;
      Target.Name = R.Name;
      if (Target.Hints.empty())
        Target.Hints = R.Hints;
      return;
    }
    // Skip to the next table of the list: ", t" or "JOIN t".
    size_t Next = K;
    while (Next < N && !punct(Next, ",") && !kw(Next, "JOIN") &&
           !kwIn(Next,
                 {"where", "returning", "output", "order", "limit", "option"}))
      Next = next(Next);
    if (Next >= N || !(punct(Next, ",") || kw(Next, "JOIN")))
      return;
    J = Next + 1;
  }
}

void StatementParser::parseUpdate(size_t I) {
  F.Kind = StatementKind::Update;
  size_t J = I + 1;
  for (;;) {
    if (kwIn(J, {"low_priority", "ignore", "only"})) {
      ++J;
    } else if (kw(J, "OR") && tok(J + 1).Kind == TokenKind::Word) {
      J += 2;
    } else if (kw(J, "TOP")) {
      J = punct(J + 1, "(") ? next(J + 1) : J + 2;
      if (kw(J, "PERCENT"))
        ++J;
    } else {
      break;
    }
  }
  TableRef Target;
  size_t K = parseTableRef(J, N, Target);
  if (K == J)
    problem("missing table name");
  // MySQL multi-table form: UPDATE a JOIN b ON ... SET / UPDATE a, b SET.
  size_t Set = findKw(K, N, {"set"});
  if (Set == NoPos) {
    F.Table = Target.Derived ? "" : Target.Name.Name;
    addWritten(F.Table);
    problem("UPDATE without SET");
    return;
  }
  for (size_t P = K; P < Set; P = next(P))
    if (punct(P, ",")) {
      TableRef Other;
      parseTableRef(P + 1, Set, Other);
      if (!Other.Derived && Other.Name.Known)
        addRead(Other.Name.Name);
    }
  collectReads(K, Set);
  size_t SetEnd = findKw(
      Set + 1, N,
      {"from", "where", "returning", "output", "order", "limit", "option"});
  SetEnd = SetEnd == NoPos ? N : SetEnd;
  resolveTargetAlias(findKw(SetEnd, N, {"from"}), Target);
  F.Table = Target.Derived ? "" : Target.Name.Name;
  F.TableHints = Target.Hints;
  addWritten(F.Table);
  parseAssignments(Set + 1, SetEnd, Target);
  size_t Where = findKw(SetEnd, N, {"where"});
  if (Where != NoPos) {
    size_t WhereEnd = findKw(
        Where + 1, N, {"returning", "order", "limit", "option", "output"});
    collectKeys(Where + 1, WhereEnd == NoPos ? N : WhereEnd, F.KeyColumns,
                nullptr, 0);
  }
  collectReads(Set + 1, N);
  F.Returning = hasReturning(Set + 1, N);
}

bool StatementParser::refersTo(size_t B, size_t E, const std::string &Column,
                               const TableRef &Target) const {
  for (size_t I = B; I < E && I < N; ++I) {
    const Token &T = tok(I);
    if (!T.isIdentifier() || punct(I + 1, "(") || punct(I + 1, "."))
      continue;
    if (identifierName(T) != Column)
      continue;
    if (!punct(I - 1, "."))
      return true;
    std::string Qualifier = identifierName(tok(I - 2));
    if (Qualifier == Target.Name.Last || Qualifier == Target.Alias ||
        Qualifier == Target.Name.Name)
      return true;
  }
  return false;
}

void StatementParser::parseAssignments(size_t B, size_t E,
                                       const TableRef &Target) {
  for (TokRange R : split(B, E, ",")) {
    size_t Eq = R.first;
    while (Eq < R.second && !punct(Eq, "="))
      Eq = next(Eq);
    if (Eq >= R.second)
      continue; // a hole or garbage in place of "col = value"
    std::vector<TokRange> Cols, Vals;
    if (punct(R.first, "(") && closeOf(R.first) == Eq - 1) {
      // (a, b) = (x, y)
      Cols = split(R.first + 1, Eq - 1, ",");
      if (punct(Eq + 1, "(") && closeOf(Eq + 1) == R.second - 1 &&
          !kw(Eq + 2, "SELECT"))
        Vals = split(Eq + 2, R.second - 1, ",");
    } else {
      Cols.push_back({R.first, Eq});
    }
    // A value of its own per column, or else one shared by them all.
    bool OwnValues = Vals.size() == Cols.size();
    if (!OwnValues)
      Vals.assign(Cols.size(), {Eq + 1, R.second});
    for (size_t C = 0; C < Cols.size(); ++C) {
      NameRef Name;
      if (parseName(Cols[C].first, Cols[C].second, Name) != Cols[C].second ||
          !Name.Known)
        continue;
      Assignment A;
      A.Column = Name.Last;
      A.Target = text(Cols[C].first, Cols[C].second);
      A.Value = text(Vals[C].first, Vals[C].second);
      A.SelfRelative =
          refersTo(Vals[C].first, Vals[C].second, A.Column, Target);
      if ((OwnValues || Cols.size() == 1) && Vals[C].first < Vals[C].second &&
          Vals[C].first < N)
        A.ValueOffset = tok(Vals[C].first).Offset;
      F.Assignments.push_back(std::move(A));
    }
  }
}

//===-- DELETE ------------------------------------------------------------===//

void StatementParser::parseDelete(size_t I) {
  F.Kind = StatementKind::Delete;
  size_t J = I + 1;
  for (;;) {
    if (kwIn(J, {"low_priority", "quick", "ignore"})) {
      ++J;
    } else if (kw(J, "TOP")) {
      J = punct(J + 1, "(") ? next(J + 1) : J + 2;
      if (kw(J, "PERCENT"))
        ++J;
    } else {
      break;
    }
  }
  bool HasFrom = kw(J, "FROM");
  if (HasFrom)
    ++J;
  TableRef Target;
  size_t K = parseTableRef(J, N, Target);
  if (K == J)
    problem("missing table name");
  // DELETE t FROM t JOIN ... (T-SQL, MySQL); DELETE FROM t USING a, b (PG).
  size_t SecondFrom = HasFrom ? NoPos : findKw(K, N, {"from"});
  if (!HasFrom && punct(K, ",")) // MySQL: DELETE a, b FROM ...
    K = SecondFrom == NoPos ? K : SecondFrom;
  resolveTargetAlias(SecondFrom, Target);
  F.Table = Target.Derived ? "" : Target.Name.Name;
  F.TableHints = Target.Hints;
  addWritten(F.Table);
  size_t Using = findKw(K, N, {"using"});
  if (Using != NoPos)
    for (size_t P = Using + 1; P < N;) {
      TableRef R;
      size_t Q = parseTableRef(P, N, R);
      if (Q == P)
        break;
      if (!R.Derived && R.Name.Known)
        addRead(R.Name.Name);
      if (!punct(Q, ","))
        break;
      P = Q + 1;
    }
  size_t Where = findKw(K, N, {"where"});
  if (Where != NoPos) {
    size_t WhereEnd = findKw(
        Where + 1, N, {"returning", "order", "limit", "option", "output"});
    collectKeys(Where + 1, WhereEnd == NoPos ? N : WhereEnd, F.KeyColumns,
                nullptr, 0);
  }
  collectReads(K, N);
  F.Returning = hasReturning(K, N);
}

//===-- MERGE -------------------------------------------------------------===//

void StatementParser::parseMerge(size_t I) {
  F.Kind = StatementKind::Merge;
  F.Atomic = AtomicInsert::Merge;
  size_t J = I + 1;
  if (kw(J, "TOP"))
    J = punct(J + 1, "(") ? next(J + 1) : J + 2;
  if (kw(J, "INTO"))
    ++J;
  TableRef Target;
  size_t K = parseTableRef(J, N, Target);
  if (K == J)
    problem("missing table name");
  F.Table = Target.Derived ? "" : Target.Name.Name;
  F.TableHints = Target.Hints;
  for (const std::string &H : Target.Hints)
    if (H == "HOLDLOCK" || H == "SERIALIZABLE")
      F.MergeHoldLock = true;
  addWritten(F.Table);
  size_t Using = findKw(K, N, {"using"});
  if (Using == NoPos) {
    problem("MERGE without USING");
    return;
  }
  TableRef Source;
  size_t S = parseTableRef(Using + 1, N, Source);
  if (!Source.Derived && Source.Name.Known)
    addRead(Source.Name.Name);
  collectReads(Using + 1, N);
  size_t On = findKw(S, N, {"on"});
  if (On == NoPos) {
    problem("MERGE without ON");
    return;
  }
  size_t When = findKw(On + 1, N, {"when"});
  std::vector<std::string> Names;
  for (const std::string &Q :
       {Target.Name.Last, Target.Name.Name, Target.Alias})
    if (!Q.empty())
      Names.push_back(Q);
  collectKeys(On + 1, When == NoPos ? N : When, F.KeyColumns, &Names, 0);
  F.Returning = When != NoPos && hasReturning(When, N);
}

} // namespace sqlrace::sql::detail
