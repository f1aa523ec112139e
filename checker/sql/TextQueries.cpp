//===- TextQueries.cpp - sqlrace --------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Questions the flow analysis asks about a statement's text, answered from
// the parse or the lexer rather than by searching the text: where the value
// assigned to a column starts, which number a placeholder has, which column
// a key part constrains, how a select-list item uses a column, whether a
// check restates an index predicate; and the one edit made from those
// answers, the self-relative assignment.
//===----------------------------------------------------------------------===//
#include "sqlrace/sql/Lexer.h"
#include "sqlrace/sql/Statement.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

namespace sqlrace::sql {

const Assignment *findAssignment(const StatementFacts &Update,
                                 llvm::StringRef Column) {
  for (const Assignment &A : Update.Assignments)
    if (A.Column == Column)
      return &A;
  return nullptr;
}

std::optional<size_t> assignedValueOffset(llvm::StringRef Text,
                                          llvm::StringRef Column, Dialect D) {
  for (const StatementFacts &St : analyzeSql(Text, D)) {
    if (St.Kind != StatementKind::Update)
      continue;
    if (const Assignment *A = findAssignment(St, Column))
      return A->ValueOffset;
  }
  return std::nullopt;
}

std::optional<unsigned>
namedPlaceholderNumber(llvm::StringRef Text, llvm::StringRef Name, Dialect D) {
  if (Name.size() < 2)
    return std::nullopt;
  unsigned Count = 0;
  for (const Token &T : tokenize(Text, D)) {
    // Client-side format fields (%s, {}, %1) are not the server's
    // placeholders: they are filled in before the statement is sent.
    if (T.Kind != TokenKind::Placeholder || T.Text.empty() ||
        !llvm::StringRef("?:@$").contains(T.Text.front()))
      continue;
    ++Count;
    if (T.Text == Name)
      return Count;
  }
  return std::nullopt;
}

namespace {
/// A placeholder the server (or the client API) numbers: `?`, `?N`, `$N`,
/// `:name`, `@name`, `$name`; not a format field filled in before the
/// statement is sent (`%s`, `{}`, `%1`).
bool isBoundPlaceholder(const Token &T) {
  return T.Kind == TokenKind::Placeholder && !T.Text.empty() &&
         llvm::StringRef("?:@$").contains(T.Text.front());
}
} // namespace

std::optional<unsigned> valuePlaceholderNumber(llvm::StringRef Statement,
                                               llvm::StringRef Value,
                                               std::optional<size_t> ValueAt,
                                               Dialect D) {
  const Token *Only = nullptr;
  std::vector<Token> Toks = tokenize(Value, D);
  for (const Token &T : Toks)
    if (isBoundPlaceholder(T)) {
      if (Only)
        return std::nullopt; // two placeholders: which one is the value?
      Only = &T;
    }
  if (!Only)
    return std::nullopt;
  llvm::StringRef Digits = Only->Text.drop_front();
  if (Digits.empty()) { // a bare ?: count the ones before it
    if (!ValueAt || *ValueAt + Only->Offset > Statement.size())
      return std::nullopt;
    size_t At = *ValueAt + Only->Offset;
    unsigned Before = 0;
    for (const Token &T : tokenize(Statement.take_front(At), D))
      Before += isBoundPlaceholder(T) && T.Text.front() == '?';
    return Before + 1;
  }
  unsigned N = 0;
  if (llvm::all_of(Digits, llvm::isDigit) && !Digits.getAsInteger(10, N))
    return N;
  return namedPlaceholderNumber(Statement, Only->Text, D);
}

std::vector<Insertion> selfRelativeAssignment(llvm::StringRef Text,
                                              llvm::StringRef Column, char Op,
                                              Dialect D) {
  if (Op != '+' && Op != '-')
    return {};
  for (const StatementFacts &St : analyzeSql(Text, D)) {
    if (St.Kind != StatementKind::Update)
      continue;
    const Assignment *A = findAssignment(St, Column);
    if (!A)
      continue;
    if (!A->ValueOffset || A->Target.empty() ||
        llvm::StringRef(A->Target).contains(HoleChar))
      return {};
    // The one placeholder the value binds.
    std::vector<Token> Value = tokenize(A->Value, D);
    const Token *Bound = nullptr;
    for (const Token &T : Value) {
      if (T.Kind == TokenKind::Hole)
        return {};
      if (isBoundPlaceholder(T)) {
        if (Bound)
          return {};
        Bound = &T;
      }
    }
    if (!Bound)
      return {};
    // A numbered or named placeholder may be used again in the statement.
    if (Bound->Text != "?") {
      unsigned Uses = 0;
      for (const Token &T : tokenize(Text.slice(St.Begin, St.End), D))
        Uses += isBoundPlaceholder(T) && T.Text == Bound->Text;
      if (Uses != 1)
        return {};
    }
    std::string Self = A->Target + (Op == '-' ? " - " : " + ");
    size_t At = *A->ValueOffset + Bound->Offset;
    if (Value.size() == 1)
      return {{At, Self}};
    return {{At, "(" + Self}, {At + Bound->Text.size(), ")"}};
  }
  return {};
}

std::string applyInsertions(llvm::StringRef Text,
                            const std::vector<Insertion> &Edits) {
  std::string Out;
  size_t Done = 0;
  for (const Insertion &E : Edits) {
    size_t At = std::min(std::max(E.Offset, Done), Text.size());
    Out += Text.slice(Done, At);
    Out += E.Text;
    Done = At;
  }
  Out += Text.substr(Done);
  return Out;
}

namespace {
/// `name`, `q.name`, `s.q.name`: identifiers joined by dots.
bool isDottedName(llvm::ArrayRef<Token> T) {
  if (T.empty() || T.size() % 2 == 0)
    return false;
  for (size_t I = 0; I < T.size(); ++I)
    if (I % 2 == 0 ? !T[I].isIdentifier() : !T[I].isPunct("."))
      return false;
  return true;
}
} // namespace

bool isOneHole(llvm::StringRef Value, Dialect D) {
  std::vector<Token> All = tokenize(Value, D);
  llvm::ArrayRef<Token> T = All;
  while (T.size() >= 3 && T.front().isPunct("(") && T.back().isPunct(")"))
    T = T.drop_front().drop_back();
  if (T.size() != 1)
    return false;
  return T[0].Kind == TokenKind::Hole ||
         (T[0].Kind == TokenKind::String &&
          T[0].Text == (std::string("'") + HoleChar + "'"));
}

ColumnUse selectItemUse(llvm::StringRef Item, llvm::StringRef Column,
                        Dialect D) {
  auto IsColumn = [&](const Token &T) {
    if (!T.isIdentifier())
      return false;
    std::string Name = identifierName(T);
    return D == Dialect::PostgreSQL ? Name == Column
                                    : Column.equals_insensitive(Name);
  };
  std::vector<Token> All = tokenize(Item, D);
  llvm::ArrayRef<Token> T = All;
  // `<expression> AS alias`, `<expression> alias`: the alias follows a
  // name, a closing parenthesis or a literal, never an operator.
  if (T.size() >= 2 && T.back().isIdentifier()) {
    const Token &Before = T[T.size() - 2];
    if (Before.isWord("as"))
      T = T.drop_back(2);
    else if (Before.isIdentifier() || Before.isPunct(")") ||
             Before.Kind == TokenKind::String ||
             Before.Kind == TokenKind::Number)
      T = T.drop_back();
  }
  if (T.empty())
    return ColumnUse::None;
  if (T.back().isPunct("*") &&
      (T.size() == 1 || (T.size() >= 3 && T[T.size() - 2].isPunct(".") &&
                         isDottedName(T.drop_back(2)))))
    return ColumnUse::All;
  if (isDottedName(T))
    return IsColumn(T.back()) ? ColumnUse::Exactly : ColumnUse::None;
  for (size_t I = 0; I < T.size(); ++I) {
    bool Called = I + 1 < T.size() && T[I + 1].isPunct("(");
    bool Qualifier = I + 1 < T.size() && T[I + 1].isPunct(".");
    if (!Called && !Qualifier && IsColumn(T[I]))
      return ColumnUse::Expression;
  }
  return ColumnUse::None;
}

std::string keyColumn(llvm::StringRef KeyPart) {
  // An expression key is spelt "f(<inner key>)", the function name
  // lower-cased (StatementFacts::KeyColumns, UniqueKey::Columns).
  llvm::StringRef K = KeyPart;
  for (;;) {
    size_t Open = K.find('(');
    if (Open == 0 || Open == llvm::StringRef::npos || !K.ends_with(")"))
      break;
    llvm::StringRef Name = K.take_front(Open);
    if (!llvm::all_of(Name, [](char C) {
          return llvm::isAlnum(C) || C == '_' || C == '.';
        }))
      break;
    K = K.slice(Open + 1, K.size() - 1).trim();
  }
  return K.str();
}

bool restatesPredicate(llvm::StringRef Text, llvm::StringRef Predicate,
                       Dialect D) {
  std::vector<Token> Want = tokenize(Predicate, D);
  if (Want.empty())
    return true;
  std::vector<Token> Have = tokenize(Text, D);
  auto Same = [](const Token &A, const Token &B) {
    if (A.Kind != B.Kind)
      return false;
    return A.Kind == TokenKind::Word ? A.Text.equals_insensitive(B.Text)
                                     : A.Text == B.Text;
  };
  for (size_t I = 0; I + Want.size() <= Have.size(); ++I) {
    size_t J = 0;
    while (J < Want.size() && Same(Have[I + J], Want[J]))
      ++J;
    if (J == Want.size())
      return true;
  }
  return false;
}

} // namespace sqlrace::sql
