//===- TextQueries.cpp - sqlrace --------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Questions the flow analysis asks about a statement's text, answered from
// the parse or the lexer rather than by searching the text: where the value
// assigned to a column starts, which number a placeholder has, which column
// a key part constrains, whether a check restates an index predicate.
//===----------------------------------------------------------------------===//
#include "sqlrace/sql/Lexer.h"
#include "sqlrace/sql/Statement.h"
#include "llvm/ADT/StringExtras.h"

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
