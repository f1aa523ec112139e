//===- Lexer.h - sqlrace --------------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// A tolerant SQL tokenizer that knows every dialect's quoting, comments and
// placeholders. It never fails: malformed input yields tokens plus flags.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_SQL_LEXER_H
#define SQLRACE_SQL_LEXER_H

#include "sqlrace/sql/Statement.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace sqlrace::sql {

/// The lexical class of a token.
enum class TokenKind {
  Word,        ///< bare identifier or keyword (also @@sysvar, #temp)
  QuotedIdent, ///< "x", `x` or [x]
  String,      ///< '...', E'...', N'...', X'..', $tag$...$tag$ (and MySQL "x")
  Number,      ///< 12, 1.5, 1e3, 0x1F
  Placeholder, ///< ?, ?3, $1, :name, @name, $name, %s, {}, {0}, %1
  Hole,        ///< one HoleChar: a fragment unknown at analysis time
  Punct,       ///< operator or punctuation: ( ) , ; . = <> :: || ...
  End          ///< sentinel past the last token
};

/// One token; Text points into the tokenized buffer.
struct Token {
  TokenKind Kind = TokenKind::End;
  llvm::StringRef Text;
  /// Byte offset of Text inside the tokenized buffer.
  size_t Offset = 0;
  /// Whitespace or a comment separates this token from the previous one.
  bool SpaceBefore = false;
  /// A string, quoted identifier or comment ran to the end of the input.
  bool Unterminated = false;

  /// Offset one past the token's last byte.
  size_t end() const { return Offset + Text.size(); }
  /// True for a Word equal to \p Keyword, ignoring case.
  bool isWord(llvm::StringRef Keyword) const {
    return Kind == TokenKind::Word && Text.equals_insensitive(Keyword);
  }
  /// True for the punctuation \p P.
  bool isPunct(llvm::StringRef P) const {
    return Kind == TokenKind::Punct && Text == P;
  }
  /// True for a Word or a QuotedIdent.
  bool isIdentifier() const {
    return Kind == TokenKind::Word || Kind == TokenKind::QuotedIdent;
  }
};

/// A lexical problem (unterminated literal or comment) at a byte offset.
struct LexProblem {
  size_t Offset = 0;
  std::string Message;
};

/// Splits \p Text into tokens; comments and whitespace are dropped. Dialect
/// decides the ambiguous spots (backslash escapes, `#`, `[`, `"`, `$$`);
/// Unknown accepts them all. Linear in Text's length.
std::vector<Token> tokenize(llvm::StringRef Text, Dialect D,
                            std::vector<LexProblem> *Problems = nullptr);

/// The normalised name of an identifier token: bare words lower-cased,
/// quotes removed (doubled quote characters undone). Other tokens: their text.
std::string identifierName(const Token &T);

/// For each "(" token, the index of its matching ")" (or Toks.size() when it
/// is never closed); other entries are Toks.size(). Sets \p Unbalanced when a
/// parenthesis is left open or a ")" has no partner.
std::vector<size_t> matchParens(llvm::ArrayRef<Token> Toks,
                                bool *Unbalanced = nullptr);

} // namespace sqlrace::sql

#endif
