//===- Lexer.cpp - sqlrace ------------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The tokenizer. Each byte is looked at a bounded number of times, so the
// whole pass is linear; nothing here can fail, it only records problems.
//===----------------------------------------------------------------------===//

#include "sqlrace/sql/Lexer.h"

using llvm::StringRef;

namespace sqlrace::sql {
namespace {

bool isSpace(unsigned char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f' ||
         C == '\v';
}
bool isDigit(unsigned char C) { return C >= '0' && C <= '9'; }
bool isHexDigit(unsigned char C) {
  return isDigit(C) || ((C | 0x20) >= 'a' && (C | 0x20) <= 'f');
}
bool isAlpha(unsigned char C) { return (C | 0x20) >= 'a' && (C | 0x20) <= 'z'; }
// Bytes of multi-byte UTF-8 sequences count as letters: identifiers may be
// written in any script.
bool isIdentStart(unsigned char C) {
  return isAlpha(C) || C == '_' || C >= 0x80;
}
bool isIdentChar(unsigned char C) {
  return isIdentStart(C) || isDigit(C) || C == '$';
}

class Lexer {
public:
  Lexer(StringRef Text, Dialect D, std::vector<LexProblem> *Problems)
      : S(Text), D(D), Problems(Problems) {}

  std::vector<Token> run() {
    while (Pos < S.size())
      step();
    return std::move(Out);
  }

private:
  StringRef S;
  Dialect D;
  std::vector<LexProblem> *Problems;
  std::vector<Token> Out;
  size_t Pos = 0;
  bool Space = false;

  unsigned char at(size_t I) const {
    return I < S.size() ? static_cast<unsigned char>(S[I]) : 0;
  }

  void push(TokenKind K, size_t B, size_t E, bool Unterminated = false) {
    Token T;
    T.Kind = K;
    T.Text = S.slice(B, E);
    T.Offset = B;
    T.SpaceBefore = Space || Out.empty();
    T.Unterminated = Unterminated;
    Out.push_back(T);
    Space = false;
    Pos = E;
  }

  void problem(size_t Offset, const char *Message) {
    if (Problems)
      Problems->push_back({Offset, Message});
  }

  /// Scans a literal that starts with the quote at \p B and ends with
  /// \p Close; a doubled Close is an escaped one. Returns the end offset;
  /// sets \p Unterminated when the input ends first.
  size_t scanQuoted(size_t B, char Close, bool Backslash,
                    bool &Unterminated) const {
    size_t J = B + 1;
    while (J < S.size()) {
      char C = S[J];
      if (Backslash && C == '\\') {
        J += 2;
        continue;
      }
      if (C == Close) {
        if (at(J + 1) == static_cast<unsigned char>(Close)) {
          J += 2;
          continue;
        }
        Unterminated = false;
        return J + 1;
      }
      ++J;
    }
    Unterminated = true;
    return S.size();
  }

  /// A quoted literal whose backslash handling depends on the dialect. When
  /// the first reading runs off the end, the other reading is tried: a
  /// tolerant lexer should not swallow the rest of the text over a '\'.
  void quoted(TokenKind K, size_t B, char Close, bool PreferBackslash) {
    bool Unterminated = false;
    size_t E = scanQuoted(B, Close, PreferBackslash, Unterminated);
    // Without a dialect, 'it\'s' is more likely MySQL's escape than a
    // string followed by a word glued to it.
    if (!Unterminated && !PreferBackslash && D == Dialect::Unknown &&
        E >= B + 3 && S[E - 2] == '\\' && isIdentChar(at(E))) {
      bool Again = false;
      size_t E2 = scanQuoted(B, Close, true, Again);
      if (!Again)
        E = E2;
    }
    if (Unterminated) {
      bool Again = false;
      size_t E2 = scanQuoted(B, Close, !PreferBackslash, Again);
      if (!Again)
        E = E2, Unterminated = false;
    }
    if (Unterminated)
      problem(B, K == TokenKind::String ? "unterminated string literal"
                                        : "unterminated quoted identifier");
    size_t Start = Pos;
    push(K, Start, E, Unterminated);
  }

  bool backslashStrings() const { return D == Dialect::MySQL; }

  void lineComment() {
    size_t E = S.find('\n', Pos);
    Pos = E == StringRef::npos ? S.size() : E + 1;
    Space = true;
  }

  void blockComment() {
    // PostgreSQL nests block comments; the others end at the first "*/".
    bool Nest = D == Dialect::PostgreSQL;
    size_t B = Pos;
    unsigned Depth = 1;
    size_t J = Pos + 2;
    while (J < S.size() && Depth > 0) {
      if (S[J] == '*' && at(J + 1) == '/') {
        --Depth;
        J += 2;
      } else if (Nest && S[J] == '/' && at(J + 1) == '*') {
        ++Depth;
        J += 2;
      } else {
        ++J;
      }
    }
    if (Depth > 0)
      problem(B, "unterminated comment");
    Pos = std::min(J, S.size());
    Space = true;
  }

  void word() {
    size_t J = Pos + 1;
    while (J < S.size() && isIdentChar(at(J)))
      ++J;
    push(TokenKind::Word, Pos, J);
  }

  void number() {
    size_t J = Pos;
    if (at(J) == '0' && (at(J + 1) | 0x20) == 'x' && isHexDigit(at(J + 2))) {
      J += 2;
      while (isHexDigit(at(J)))
        ++J;
      push(TokenKind::Number, Pos, J);
      return;
    }
    while (isDigit(at(J)))
      ++J;
    if (at(J) == '.') {
      ++J;
      while (isDigit(at(J)))
        ++J;
    }
    if ((at(J) | 0x20) == 'e' &&
        (isDigit(at(J + 1)) ||
         ((at(J + 1) == '+' || at(J + 1) == '-') && isDigit(at(J + 2))))) {
      J += 2;
      while (isDigit(at(J)))
        ++J;
    }
    push(TokenKind::Number, Pos, J);
  }

  void dollar() {
    if (isDigit(at(Pos + 1))) { // $1: a PostgreSQL parameter
      size_t J = Pos + 1;
      while (isDigit(at(J)))
        ++J;
      push(TokenKind::Placeholder, Pos, J);
      return;
    }
    size_t J = Pos + 1;
    while (J < S.size() && isIdentChar(at(J)) && S[J] != '$')
      ++J;
    bool DollarQuotes = D == Dialect::PostgreSQL || D == Dialect::Unknown;
    if (DollarQuotes && at(J) == '$') {
      StringRef Delim = S.slice(Pos, J + 1);
      size_t Close = S.find(Delim, J + 1);
      if (Close == StringRef::npos) {
        problem(Pos, "unterminated dollar-quoted string");
        push(TokenKind::String, Pos, S.size(), /*Unterminated=*/true);
      } else {
        push(TokenKind::String, Pos, Close + Delim.size());
      }
      return;
    }
    if (J > Pos + 1) // $name: an SQLite named parameter
      push(TokenKind::Placeholder, Pos, J);
    else
      push(TokenKind::Punct, Pos, Pos + 1);
  }

  /// printf-style %s/%d/%ld, Python %(name)s and QString::arg %1.
  void percent() {
    size_t J = Pos + 1;
    if (at(J) == '%') {
      push(TokenKind::Punct, Pos, J + 1);
      return;
    }
    if (isDigit(at(J))) {
      while (isDigit(at(J)))
        ++J;
      push(TokenKind::Placeholder, Pos, J);
      return;
    }
    if (at(J) == '(') {
      size_t Close = S.find(')', J);
      if (Close != StringRef::npos && Close - J < 64 &&
          isAlpha(at(Close + 1))) {
        push(TokenKind::Placeholder, Pos, Close + 2);
        return;
      }
    }
    while (J < Pos + 4 &&
           StringRef("hlzjtLq").contains(static_cast<char>(at(J))))
      ++J;
    if (at(J) &&
        StringRef("sdiufFeEgGxXocp").contains(static_cast<char>(at(J))) &&
        !isIdentChar(at(J + 1))) {
      push(TokenKind::Placeholder, Pos, J + 1);
      return;
    }
    push(TokenKind::Punct, Pos, Pos + 1);
  }

  /// fmt / std::format replacement fields: {}, {0}, {:s}, {name}.
  void brace() {
    size_t J = Pos + 1;
    while (J < S.size() && J - Pos < 32) {
      unsigned char C = at(J);
      if (C == '}') {
        push(TokenKind::Placeholder, Pos, J + 1);
        return;
      }
      if (isSpace(C) || C == '{' || C == '(' || C == ')' || C == ',' ||
          C == '\'' || C == '"' || C == ';' || C == HoleChar)
        break;
      ++J;
    }
    push(TokenKind::Punct, Pos, Pos + 1);
  }

  void hash() {
    bool TempTable = isIdentStart(at(Pos + 1)) || at(Pos + 1) == '#';
    switch (D) {
    case Dialect::MySQL:
      lineComment();
      return;
    case Dialect::SQLServer:
    case Dialect::Unknown:
      if (TempTable) {
        size_t J = Pos + 1;
        while (J < S.size() && (isIdentChar(at(J)) || at(J) == '#'))
          ++J;
        push(TokenKind::Word, Pos, J);
        return;
      }
      if (D == Dialect::Unknown) {
        lineComment();
        return;
      }
      break;
    default:
      break;
    }
    push(TokenKind::Punct, Pos, Pos + 1);
  }

  void punct() {
    static const char *const Long[] = {
        "<=>", "->>", "<>", "!=", "<=", ">=", "==", "||", "::", "->", ":="};
    StringRef Rest = S.substr(Pos);
    for (const char *Op : Long)
      if (Rest.starts_with(Op)) {
        push(TokenKind::Punct, Pos, Pos + StringRef(Op).size());
        return;
      }
    push(TokenKind::Punct, Pos, Pos + 1);
  }

  void step() {
    unsigned char C = at(Pos);
    unsigned char N = at(Pos + 1);
    if (isSpace(C)) {
      ++Pos;
      Space = true;
      return;
    }
    if (C == static_cast<unsigned char>(HoleChar)) {
      push(TokenKind::Hole, Pos, Pos + 1);
      return;
    }
    if (C == '-' && N == '-')
      return lineComment();
    if (C == '/' && N == '*')
      return blockComment();
    if (C == '#')
      return hash();
    if (C == '\'')
      return quoted(TokenKind::String, Pos, '\'', backslashStrings());
    if (C == '"') {
      // MySQL reads "x" as a string unless ANSI_QUOTES is set.
      if (D == Dialect::MySQL)
        return quoted(TokenKind::String, Pos, '"', true);
      return quoted(TokenKind::QuotedIdent, Pos, '"', false);
    }
    if (C == '`')
      return quoted(TokenKind::QuotedIdent, Pos, '`', false);
    if (C == '[' && D != Dialect::PostgreSQL && D != Dialect::MySQL)
      return quoted(TokenKind::QuotedIdent, Pos, ']', false);
    if (isIdentStart(C)) {
      char L = static_cast<char>(C | 0x20);
      // Prefixed strings: E'..' (escapes), N'..', X'..', B'..'.
      if (N == '\'' && (L == 'e' || L == 'n' || L == 'x' || L == 'b')) {
        size_t B = Pos;
        bool Unterminated = false;
        size_t E = scanQuoted(Pos + 1, '\'', L == 'e' || backslashStrings(),
                              Unterminated);
        if (Unterminated)
          problem(B, "unterminated string literal");
        return push(TokenKind::String, B, E, Unterminated);
      }
      if (L == 'u' && N == '&' && (at(Pos + 2) == '\'' || at(Pos + 2) == '"')) {
        char Q = static_cast<char>(at(Pos + 2));
        bool Unterminated = false;
        size_t E = scanQuoted(Pos + 2, Q, false, Unterminated);
        if (Unterminated)
          problem(Pos, "unterminated string literal");
        return push(Q == '\'' ? TokenKind::String : TokenKind::QuotedIdent, Pos,
                    E, Unterminated);
      }
      return word();
    }
    if (isDigit(C) || (C == '.' && isDigit(N)))
      return number();
    if (C == '$')
      return dollar();
    if (C == '?') {
      size_t J = Pos + 1;
      while (isDigit(at(J)))
        ++J;
      return push(TokenKind::Placeholder, Pos, J);
    }
    if (C == ':' && N != ':' && N != '=' && (isIdentStart(N) || isDigit(N))) {
      size_t J = Pos + 1;
      while (J < S.size() && isIdentChar(at(J)))
        ++J;
      return push(TokenKind::Placeholder, Pos, J);
    }
    if (C == '@') {
      if (N == '@' && isIdentStart(at(Pos + 2))) { // @@ROWCOUNT, @@autocommit
        size_t J = Pos + 2;
        while (J < S.size() && isIdentChar(at(J)))
          ++J;
        return push(TokenKind::Word, Pos, J);
      }
      if (isIdentStart(N) || isDigit(N)) {
        size_t J = Pos + 1;
        while (J < S.size() && isIdentChar(at(J)))
          ++J;
        return push(TokenKind::Placeholder, Pos, J);
      }
    }
    if (C == '%')
      return percent();
    if (C == '{')
      return brace();
    punct();
  }
};

} // namespace

std::vector<Token> tokenize(StringRef Text, Dialect D,
                            std::vector<LexProblem> *Problems) {
  return Lexer(Text, D, Problems).run();
}

std::string identifierName(const Token &T) {
  if (T.Kind == TokenKind::Word)
    return T.Text.lower();
  if (T.Kind != TokenKind::QuotedIdent || T.Text.empty())
    return T.Text.str();
  StringRef Body = T.Text;
  if (Body.starts_with_insensitive("u&"))
    Body = Body.drop_front(2);
  char Open = Body.front();
  char Close = Open == '[' ? ']' : Open;
  Body = Body.drop_front();
  if (!T.Unterminated && !Body.empty() && Body.back() == Close)
    Body = Body.drop_back();
  std::string Name;
  Name.reserve(Body.size());
  for (size_t I = 0; I < Body.size(); ++I) {
    Name += Body[I];
    if (Body[I] == Close && I + 1 < Body.size() && Body[I + 1] == Close)
      ++I;
  }
  return Name;
}

std::vector<size_t> matchParens(llvm::ArrayRef<Token> Toks, bool *Unbalanced) {
  std::vector<size_t> Match(Toks.size(), Toks.size());
  std::vector<size_t> Open;
  bool Bad = false;
  for (size_t I = 0; I < Toks.size(); ++I) {
    if (Toks[I].isPunct("(")) {
      Open.push_back(I);
    } else if (Toks[I].isPunct(")")) {
      if (Open.empty()) {
        Bad = true;
        continue;
      }
      Match[Open.back()] = I;
      Open.pop_back();
    }
  }
  if (!Open.empty())
    Bad = true;
  if (Unbalanced)
    *Unbalanced = Bad;
  return Match;
}

} // namespace sqlrace::sql
