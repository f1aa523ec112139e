//===- KeyColumns.cpp - sqlrace -------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Which columns a WHERE (or MERGE ON) condition fixes: the equalities and IN
// lists of its top-level AND chain, with one side a column (or a function of
// one) and the other a value (placeholder, literal, hole, expression of
// those).
//===----------------------------------------------------------------------===//

#include "ParserImpl.h"
#include <algorithm>

namespace sqlrace::sql::detail {

void StatementParser::collectKeys(size_t B, size_t E,
                                  std::vector<std::string> &Out,
                                  const std::vector<std::string> *Target,
                                  unsigned Depth) const {
  E = std::min(E, N);
  if (Depth > MaxDepth) {
    depthLimit();
    return;
  }
  while (B < E && punct(B, "(") && closeOf(B) == E - 1) {
    ++B;
    --E;
  }
  if (B >= E)
    return;
  std::vector<TokRange> Conjuncts;
  size_t Start = B;
  bool InBetween = false;
  for (size_t I = B; I < E; I = next(I)) {
    if (kw(I, "OR"))
      return; // an OR at the top: no column is fixed for every row
    if (kw(I, "BETWEEN")) {
      InBetween = true;
    } else if (kw(I, "AND")) {
      if (InBetween) {
        InBetween = false;
        continue;
      }
      Conjuncts.push_back({Start, I});
      Start = I + 1;
    }
  }
  Conjuncts.push_back({Start, E});
  for (auto [CB, CE] : Conjuncts) {
    if (CB >= CE || kw(CB, "NOT"))
      continue;
    if (punct(CB, "(") && closeOf(CB) == CE - 1) {
      collectKeys(CB, CE, Out, Target, Depth + 1);
      continue;
    }
    keyOfConjunct(CB, CE, Out, Target);
  }
}

void StatementParser::keyOfConjunct(
    size_t B, size_t E, std::vector<std::string> &Out,
    const std::vector<std::string> *Target) const {
  size_t Op = NoPos;
  unsigned Equalities = 0;
  for (size_t I = B; I < E; I = next(I)) {
    const Token &T = tok(I);
    if (T.isPunct("=") || T.isPunct("==") || T.isPunct("<=>")) {
      if (Op == NoPos)
        Op = I;
      ++Equalities;
    } else if (T.isWord("IN") && Op == NoPos) {
      if (I == B || kw(I - 1, "NOT"))
        return;
      // The list must be the rest of the conjunct: IN (...), IN ?, IN <hole>.
      bool ListOk = (punct(I + 1, "(") && closeOf(I + 1) == E - 1) ||
                    (I + 2 == E && (tok(I + 1).Kind == TokenKind::Placeholder ||
                                    tok(I + 1).Kind == TokenKind::Hole));
      if (!ListOk)
        return;
      if (std::optional<std::string> C = columnExpr(B, I, Target))
        Out.push_back(*C);
      return;
    }
  }
  if (Equalities != 1)
    return;
  auto Pair = [&](TokRange L, TokRange R) {
    if (std::optional<std::string> C = columnExpr(L.first, L.second, Target))
      if (valueExpr(R.first, R.second, Target)) {
        Out.push_back(*C);
        return;
      }
    if (std::optional<std::string> C = columnExpr(R.first, R.second, Target))
      if (valueExpr(L.first, L.second, Target))
        Out.push_back(*C);
  };
  // Row values: (a, b) = ($1, $2) fixes a and b.
  if (punct(B, "(") && closeOf(B) + 1 == Op && punct(Op + 1, "(") &&
      closeOf(Op + 1) + 1 == E && !kw(B + 1, "SELECT") &&
      !kw(Op + 2, "SELECT")) {
    std::vector<TokRange> Left = split(B + 1, Op - 1, ",");
    std::vector<TokRange> Right = split(Op + 2, E - 1, ",");
    if (Left.size() > 1) {
      if (Left.size() == Right.size())
        for (size_t I = 0; I < Left.size(); ++I)
          Pair(Left[I], Right[I]);
      return;
    }
  }
  Pair({B, Op}, {Op + 1, E});
}

std::optional<std::string>
StatementParser::columnExpr(size_t B, size_t E,
                            const std::vector<std::string> *Target,
                            unsigned Depth) const {
  E = std::min(E, N);
  if (B >= E || Depth > 8)
    return std::nullopt;
  // Drop a trailing cast or collation: email::text, name COLLATE "C".
  for (size_t I = B + 1; I < E; I = next(I))
    if (punct(I, "::")) {
      E = I;
      break;
    }
  if (E >= B + 3 && kw(E - 2, "COLLATE"))
    E -= 2;
  const Token &First = tok(B);
  if (First.Kind == TokenKind::Word && punct(B + 1, "(") &&
      closeOf(B + 1) == E - 1) {
    std::optional<std::string> Inner =
        columnExpr(B + 2, E - 1, Target, Depth + 1);
    if (!Inner)
      return std::nullopt;
    return First.Text.lower() + "(" + *Inner + ")";
  }
  if (!First.isIdentifier())
    return std::nullopt;
  NameRef Name;
  if (parseName(B, E, Name) != E || !Name.Known)
    return std::nullopt;
  bool Qualified = Name.E - Name.B > 1;
  if (!Qualified && First.Kind == TokenKind::Word && isConstantWord(First.Text))
    return std::nullopt;
  if (Target && Qualified) {
    std::string Qualifier = identifierName(tok(Name.E - 3));
    if (std::find(Target->begin(), Target->end(), Qualifier) == Target->end())
      return std::nullopt;
  }
  return Name.Last;
}

bool StatementParser::valueExpr(size_t B, size_t E,
                                const std::vector<std::string> *Target) const {
  E = std::min(E, N);
  if (B >= E)
    return false;
  for (size_t I = B; I < E; ++I) {
    const Token &T = tok(I);
    switch (T.Kind) {
    case TokenKind::Placeholder:
    case TokenKind::Hole:
    case TokenKind::Number:
    case TokenKind::String:
      continue;
    case TokenKind::Punct:
      if (T.isPunct("."))
        return false;
      continue;
    case TokenKind::End:
      return false;
    case TokenKind::Word:
    case TokenKind::QuotedIdent:
      break;
    }
    if (T.Kind == TokenKind::Word) {
      if (punct(I + 1, "(") || punct(I - 1, "::") || isConstantWord(T.Text) ||
          tok(I + 1).Kind == TokenKind::String) // DATE '2024-01-01'
        continue;
      if (T.isWord("AS")) { // CAST(? AS type)
        ++I;
        continue;
      }
      if (T.isWord("SELECT") && punct(I - 1, "(")) {
        I = closeOf(I - 1); // a scalar subquery is a value
        continue;
      }
      if (T.isWord("INTERVAL")) {
        // MySQL: INTERVAL ? DAY. The unit is no column.
        if (tok(I + 2).Kind == TokenKind::Word && !punct(I + 3, "("))
          I += 2;
        continue;
      }
      if (T.isWord("ANY") || T.isWord("ALL") || T.isWord("ARRAY"))
        continue;
    }
    // In a MERGE ON condition, a column of the source is a value.
    if (Target && punct(I + 1, ".") && tok(I + 2).isIdentifier()) {
      std::string Qualifier = identifierName(T);
      if (std::find(Target->begin(), Target->end(), Qualifier) ==
          Target->end()) {
        I += 2;
        continue;
      }
    }
    return false;
  }
  return true;
}

size_t StatementParser::findNotExists(size_t B, size_t E) const {
  E = std::min(E, N);
  while (B < E && punct(B, "(") && closeOf(B) == E - 1) {
    ++B;
    --E;
  }
  if (findKw(B, E, {"or"}) != NoPos)
    return NoPos;
  std::vector<size_t> Starts{B};
  for (size_t I = B; I < E; I = next(I))
    if (kw(I, "AND"))
      Starts.push_back(I + 1);
  for (size_t S : Starts)
    if (kw(S, "NOT") && kw(S + 1, "EXISTS") && punct(S + 2, "("))
      return S + 2;
  return NoPos;
}

} // namespace sqlrace::sql::detail
