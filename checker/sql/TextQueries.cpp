//===- TextQueries.cpp - sqlrace --------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Questions the flow analysis asks about a statement's text, answered from
// the parse or the lexer rather than by searching the text: where the value
// assigned to a column starts, which number a named placeholder has.
//===----------------------------------------------------------------------===//
#include "sqlrace/sql/Lexer.h"
#include "sqlrace/sql/Statement.h"

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

} // namespace sqlrace::sql
