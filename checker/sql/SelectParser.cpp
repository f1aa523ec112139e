//===- SelectParser.cpp - sqlrace -----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// SELECT: the existence shape of the select list, the primary table, the
// key columns of the WHERE, LIMIT 1 spellings and the locking clause. Also
// the WITH prefix shared by every statement kind.
//===----------------------------------------------------------------------===//

#include "ParserImpl.h"

using llvm::StringRef;

namespace sqlrace::sql::detail {
namespace {

bool isAggregate(StringRef W) {
  static const StringRef Names[] = {"count",
                                    "count_big",
                                    "sum",
                                    "min",
                                    "max",
                                    "avg",
                                    "group_concat",
                                    "string_agg",
                                    "array_agg",
                                    "json_agg",
                                    "jsonb_agg",
                                    "json_arrayagg",
                                    "json_objectagg",
                                    "bool_and",
                                    "bool_or",
                                    "every",
                                    "total",
                                    "stddev",
                                    "variance",
                                    "listagg",
                                    "bit_and",
                                    "bit_or"};
  for (StringRef N : Names)
    if (W.equals_insensitive(N))
      return true;
  return false;
}

} // namespace

size_t StatementParser::parseWith(size_t I) {
  size_t J = I + 1;
  if (kw(J, "RECURSIVE"))
    ++J;
  for (;;) {
    NameRef Name;
    size_t K = parseName(J, N, Name);
    if (K == J) {
      problem("malformed WITH clause");
      return J;
    }
    if (Name.Known)
      CteNames.push_back(Name.Name);
    J = K;
    if (punct(J, "("))
      J = next(J); // column names
    if (!kw(J, "AS")) {
      problem("malformed WITH clause");
      return J;
    }
    ++J;
    if (kw(J, "NOT"))
      ++J;
    if (kw(J, "MATERIALIZED"))
      ++J;
    if (!punct(J, "(")) {
      problem("malformed WITH clause");
      return J;
    }
    J = next(J);
    if (!punct(J, ","))
      return J;
    ++J;
  }
}

void StatementParser::parseSelectStatement(size_t I) {
  F.Kind = StatementKind::Select;
  SelectInfo S;
  parseSelectCore(I, N, S, 0);
  F.Table = S.Table;
  F.KeyColumns = S.KeyColumns;
  F.Existence = S.Existence;
  F.SelectedColumns = S.SelectedColumns;
  F.LimitOne = S.LimitOne;
  F.Lock = S.Lock;
  F.LockNoWait = S.NoWait;
  F.LockSkipLocked = S.SkipLocked;
  F.TableHints = S.Hints;
  collectReads(I, N);
}

void StatementParser::parseSelectCore(size_t I, size_t E, SelectInfo &S,
                                      unsigned Depth) const {
  E = std::min(E, N);
  size_t J = I + 1;
  // Modifiers between SELECT and the select list.
  for (;;) {
    if (kw(J, "DISTINCT") && kw(J + 1, "ON") && punct(J + 2, "(")) {
      J = next(J + 2);
      continue;
    }
    if (kwIn(J, {"distinct", "all", "distinctrow", "high_priority",
                 "straight_join", "sql_calc_found_rows", "sql_no_cache",
                 "sql_cache", "sql_small_result", "sql_big_result",
                 "sql_buffer_result"})) {
      ++J;
      continue;
    }
    if (kw(J, "TOP")) {
      size_t V = J + 1;
      if (punct(V, "(")) {
        S.LimitOne = closeOf(V) == V + 2 && tok(V + 1).Text == "1";
        J = next(V);
      } else {
        S.LimitOne = tok(V).Kind == TokenKind::Number && tok(V).Text == "1";
        J = V + 1;
      }
      if (kw(J, "PERCENT")) {
        S.LimitOne = false;
        ++J;
      }
      if (kw(J, "WITH") && kw(J + 1, "TIES"))
        J += 2;
      continue;
    }
    break;
  }

  // Clause starts at depth 0, in order.
  std::vector<size_t> Starts;
  size_t CoreEnd = E;
  for (size_t K = J; K < E; K = next(K)) {
    const Token &T = tok(K);
    if (T.isPunct(")")) { // the end of an enclosing group
      CoreEnd = K;
      break;
    }
    if (T.Kind != TokenKind::Word)
      continue;
    if (kwIn(K, {"union", "intersect", "except", "minus"})) {
      CoreEnd = K;
      break;
    }
    bool Clause =
        (kwIn(K, {"from", "into", "where", "group", "having", "window", "order",
                  "limit", "offset", "option"}) &&
         !kwIn(K - 1, {"distinct", "within"})) ||
        (kw(K, "FETCH") && kwIn(K + 1, {"first", "next"})) ||
        (kw(K, "FOR") && kwIn(K + 1, {"update", "no", "share", "key", "xml",
                                      "json", "browse", "read"})) ||
        (kw(K, "LOCK") && kw(K + 1, "IN"));
    // "offset = ?" or "window, x": a column that shares a clause's name.
    const Token &After = tok(K + 1);
    if (Clause && After.Kind == TokenKind::Punct && !After.isPunct("(") &&
        !After.isPunct("*") && !After.isPunct("-") && !After.isPunct("+"))
      Clause = false;
    if (Clause)
      Starts.push_back(K);
  }

  for (size_t C = 0; C < Starts.size(); ++C) {
    size_t P = Starts[C];
    size_t End = C + 1 < Starts.size() ? Starts[C + 1] : CoreEnd;
    if (kw(P, "FROM") && !S.HasFrom) {
      S.HasFrom = true;
      TableRef R;
      parseTableRef(P + 1, End, R);
      if (!R.Derived && R.Name.Known && R.Name.Name != "dual") {
        S.Table = R.Name.Name;
        S.Alias = R.Alias;
      }
      S.Hints = R.Hints;
    } else if (kw(P, "WHERE") && S.Where.first == NoPos) {
      S.Where = {P + 1, End};
      collectKeys(P + 1, End, S.KeyColumns, nullptr, Depth);
    } else if (kw(P, "LIMIT")) {
      S.LimitOne = isLimitOne(P + 1, End);
    } else if (kw(P, "FETCH")) {
      size_t K = P + 2;
      bool One = true;
      if (tok(K).Kind == TokenKind::Number) {
        One = tok(K).Text == "1";
        ++K;
      } else if (punct(K, "(")) {
        One = closeOf(K) == K + 2 && tok(K + 1).Text == "1";
        K = next(K);
      }
      if (kwIn(K, {"row", "rows"}))
        S.LimitOne = One;
    } else if (kwIn(P, {"for", "lock"})) {
      parseLockingClause(P, End, S);
    }
  }
  size_t ListEnd = Starts.empty() ? CoreEnd : Starts.front();
  classifySelectList(J, ListEnd, S, Depth);

  // SELECT 1 [FROM dual] WHERE [NOT] EXISTS (SELECT ... ): the subquery is
  // the existence check.
  auto [WB, WE] = S.Where;
  if (S.Table.empty() && S.KeyColumns.empty() && WB != NoPos &&
      Depth >= MaxDepth)
    depthLimit();
  if (S.Table.empty() && S.KeyColumns.empty() && WB != NoPos &&
      Depth < MaxDepth) {
    size_t K = kw(WB, "NOT") ? WB + 1 : WB;
    if (kw(K, "EXISTS") && punct(K + 1, "(") && closeOf(K + 1) + 1 == WE &&
        kw(K + 2, "SELECT")) {
      SelectInfo Inner;
      parseSelectCore(K + 2, closeOf(K + 1), Inner, Depth + 1);
      S.Table = Inner.Table;
      S.Alias = Inner.Alias;
      S.Hints = Inner.Hints;
      S.KeyColumns = Inner.KeyColumns;
      S.Existence =
          S.KeyColumns.empty() ? ExistenceForm::None : ExistenceForm::Exists;
    }
  }
}

bool StatementParser::isLimitOne(size_t B, size_t E) const {
  auto IsOne = [&](size_t I) {
    return tok(I).Kind == TokenKind::Number && tok(I).Text == "1";
  };
  if (IsOne(B) && (B + 1 >= E || kw(B + 1, "OFFSET")))
    return true;
  // MySQL "LIMIT offset, count".
  return B + 3 == E && punct(B + 1, ",") && IsOne(B + 2);
}

void StatementParser::parseLockingClause(size_t B, size_t E,
                                         SelectInfo &S) const {
  LockStrength L = LockStrength::None;
  size_t K = B + 1;
  if (kw(B, "LOCK")) {
    if (kw(B + 1, "IN") && kw(B + 2, "SHARE") && kw(B + 3, "MODE"))
      L = LockStrength::ForShare;
    K = B + 4;
  } else if (kw(K, "UPDATE")) {
    L = LockStrength::ForUpdate;
    ++K;
  } else if (kw(K, "NO") && kw(K + 1, "KEY") && kw(K + 2, "UPDATE")) {
    L = LockStrength::ForNoKeyUpdate;
    K += 3;
  } else if (kw(K, "SHARE")) {
    L = LockStrength::ForShare;
    ++K;
  } else if (kw(K, "KEY") && kw(K + 1, "SHARE")) {
    L = LockStrength::ForKeyShare;
    K += 2;
  }
  if (L == LockStrength::None)
    return; // FOR XML, FOR JSON, FOR READ ONLY...
  if (S.Lock == LockStrength::None)
    S.Lock = L;
  for (; K < E; K = next(K)) {
    if (kw(K, "NOWAIT"))
      S.NoWait = true;
    else if (kw(K, "SKIP") && kw(K + 1, "LOCKED"))
      S.SkipLocked = true;
  }
}

void StatementParser::classifySelectList(size_t B, size_t E, SelectInfo &S,
                                         unsigned Depth) const {
  if (B >= E)
    return;
  std::vector<TokRange> Items = split(B, E, ",");
  for (TokRange R : Items)
    S.SelectedColumns.push_back(text(R.first, R.second));

  // SELECT EXISTS (SELECT ...), SELECT CASE WHEN EXISTS (...) THEN ...
  size_t K = Items.front().first;
  if (kw(K, "CASE") && kw(K + 1, "WHEN"))
    K += 2;
  if (kw(K, "NOT"))
    ++K;
  if (kw(K, "EXISTS") && punct(K + 1, "(")) {
    S.Existence = ExistenceForm::None;
    size_t Open = K + 1;
    if (Depth >= MaxDepth && kw(Open + 1, "SELECT"))
      depthLimit();
    if (Depth >= MaxDepth || !kw(Open + 1, "SELECT"))
      return;
    SelectInfo Inner;
    parseSelectCore(Open + 1, closeOf(Open), Inner, Depth + 1);
    S.Table = Inner.Table;
    S.Alias = Inner.Alias;
    S.Hints = Inner.Hints;
    S.KeyColumns = Inner.KeyColumns;
    if (S.Lock == LockStrength::None) {
      S.Lock = Inner.Lock;
      S.NoWait = Inner.NoWait;
      S.SkipLocked = Inner.SkipLocked;
    }
    if (!S.KeyColumns.empty())
      S.Existence = ExistenceForm::Exists;
    return;
  }

  if (S.KeyColumns.empty()) {
    S.Existence = ExistenceForm::None;
    return;
  }
  bool AllConstant = true, AnyAggregate = false, FirstCount = false;
  for (size_t Idx = 0; Idx < Items.size(); ++Idx) {
    auto [IB, IE] = Items[Idx];
    if (IB >= IE) {
      AllConstant = false;
      continue;
    }
    // Drop an alias: "1 AS found", "1 found".
    if (IE - IB >= 3 && kw(IE - 2, "AS")) {
      IE -= 2;
    } else if (IE - IB >= 2 && tok(IE - 1).isIdentifier() &&
               !isReserved(IE - 1) && !punct(IE - 2, ".") &&
               (tok(IE - 2).Kind != TokenKind::Punct || punct(IE - 2, ")"))) {
      IE -= 1;
    }
    if (Idx == 0 && kwIn(IB, {"count", "count_big"}) && punct(IB + 1, "("))
      FirstCount = true;
    for (size_t T = IB; T < IE; ++T) {
      const Token &Tk = tok(T);
      if (Tk.Kind == TokenKind::Word && punct(T + 1, "(") &&
          isAggregate(Tk.Text))
        AnyAggregate = true;
      bool Constant =
          Tk.Kind == TokenKind::Number || Tk.Kind == TokenKind::String ||
          Tk.Kind == TokenKind::Placeholder ||
          (Tk.Kind == TokenKind::Punct &&
           (Tk.isPunct("-") || Tk.isPunct("+") || Tk.isPunct("(") ||
            Tk.isPunct(")"))) ||
          Tk.isWord("NULL") || Tk.isWord("TRUE") || Tk.isWord("FALSE");
      if (!Constant)
        AllConstant = false;
    }
  }
  if (FirstCount)
    S.Existence = ExistenceForm::Count;
  else if (AllConstant)
    S.Existence = ExistenceForm::Constant;
  else if (!AnyAggregate)
    S.Existence = ExistenceForm::Columns;
}

} // namespace sqlrace::sql::detail
