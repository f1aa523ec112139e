//===- Analyzer.cpp - sqlrace ---------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// analyzeSql: statement splitting, dispatch on the leading keyword, and the
// pieces every statement kind shares (names, table references, tables read).
//===----------------------------------------------------------------------===//

#include "ParserImpl.h"
#include <algorithm>

using llvm::ArrayRef;
using llvm::StringRef;

namespace sqlrace::sql {
namespace detail {

bool inList(StringRef W, std::initializer_list<StringRef> Ks) {
  for (StringRef K : Ks)
    if (W.equals_insensitive(K))
      return true;
  return false;
}

bool isConstantWord(StringRef W) {
  return inList(W, {"null", "true", "false", "default", "current_date",
                    "current_time", "current_timestamp", "localtime",
                    "localtimestamp", "current_user", "session_user", "sysdate",
                    "systimestamp"});
}

namespace {

// Words that end a name or cannot be an alias.
bool isClauseWord(StringRef W) {
  return inList(
      W, {"select",      "from",    "where",   "set",           "values",
          "value",       "on",      "using",   "group",         "order",
          "limit",       "join",    "inner",   "left",          "right",
          "outer",       "cross",   "full",    "natural",       "union",
          "intersect",   "except",  "minus",   "and",           "or",
          "not",         "as",      "with",    "into",          "default",
          "returning",   "output",  "when",    "then",          "else",
          "end",         "case",    "having",  "window",        "offset",
          "fetch",       "for",     "lateral", "straight_join", "apply",
          "in",          "is",      "like",    "between",       "exists",
          "option",      "use",     "force",   "ignore",        "lock",
          "tablesample", "nowait",  "skip",    "wait",          "do",
          "pivot",       "unpivot", "top",     "distinct",      "all",
          "partition",   "only",    "go"});
}

// Words that can never start a name. Shorter than isClauseWord: "value",
// "output", "offset"... stop an alias but are fine column names.
bool isNameStopWord(StringRef W) {
  return inList(W, {"select",  "from",      "where",         "set",
                    "values",  "on",        "using",         "group",
                    "order",   "limit",     "join",          "inner",
                    "left",    "right",     "outer",         "cross",
                    "full",    "natural",   "union",         "intersect",
                    "except",  "minus",     "and",           "or",
                    "not",     "as",        "with",          "into",
                    "default", "returning", "when",          "then",
                    "else",    "end",       "case",          "having",
                    "in",      "is",        "like",          "between",
                    "exists",  "lateral",   "straight_join", "apply",
                    "for"});
}

bool isHintWord(StringRef W) {
  return inList(W, {"nolock",          "updlock",
                    "holdlock",        "rowlock",
                    "paglock",         "tablock",
                    "tablockx",        "xlock",
                    "readpast",        "serializable",
                    "repeatableread",  "readcommitted",
                    "readuncommitted", "readcommittedlock",
                    "nowait",          "index",
                    "forceseek",       "forcescan",
                    "snapshot",        "noexpand"});
}

} // namespace

//===-- Splitting ---------------------------------------------------------===//

std::vector<TokRange> splitStatements(ArrayRef<Token> Toks) {
  std::vector<TokRange> Out;
  size_t Start = 0;
  unsigned Block = 0;
  bool Routine = false;
  for (size_t I = 0; I < Toks.size(); ++I) {
    const Token &T = Toks[I];
    if (I == Start) {
      Routine = false;
      Block = 0;
    }
    if (T.Kind == TokenKind::Word) {
      // Trigger and procedure bodies hold ';' between BEGIN and END.
      if (!Routine && Toks[Start].isWord("CREATE") &&
          inList(T.Text, {"trigger", "procedure", "function"})) {
        Routine = true;
      } else if (Routine) {
        if (T.isWord("BEGIN") || (Block > 0 && T.isWord("CASE"))) {
          ++Block;
        } else if (T.isWord("END") && Block > 0) {
          bool Construct = I + 1 < Toks.size() &&
                           Toks[I + 1].Kind == TokenKind::Word &&
                           inList(Toks[I + 1].Text,
                                  {"if", "loop", "while", "repeat", "for"});
          if (!Construct)
            --Block;
        }
      }
    }
    if (T.isPunct(";") && Block == 0) {
      if (I > Start)
        Out.push_back({Start, I});
      Start = I + 1;
    }
  }
  if (Start < Toks.size())
    Out.push_back({Start, Toks.size()});
  return Out;
}

//===-- StatementParser basics
//---------------------------------------------===//

StatementParser::StatementParser(StringRef Text, ArrayRef<Token> Toks,
                                 Dialect D, StatementFacts &F)
    : Text(Text), Toks(Toks), N(Toks.size()), D(D), F(F) {
  bool Unbalanced = false;
  Close = matchParens(Toks, &Unbalanced);
  EndTok.Kind = TokenKind::End;
  EndTok.Offset = N ? Toks.back().end() : 0;
  EndTok.Text = Text.substr(std::min(EndTok.Offset, Text.size()), 0);
  if (Unbalanced)
    problem("unbalanced parentheses");
}

bool StatementParser::kwIn(size_t I,
                           std::initializer_list<StringRef> Ks) const {
  const Token &T = tok(I);
  return T.Kind == TokenKind::Word && inList(T.Text, Ks);
}

size_t StatementParser::next(size_t I) const {
  if (punct(I, "(")) {
    size_t C = closeOf(I);
    return C >= N ? N : C + 1;
  }
  return I + 1;
}

std::string StatementParser::text(size_t B, size_t E) const {
  E = std::min(E, N);
  if (B >= E)
    return "";
  return Text.slice(Toks[B].Offset, Toks[E - 1].end()).str();
}

size_t StatementParser::findKw(size_t B, size_t E,
                               std::initializer_list<StringRef> Ks) const {
  for (size_t I = B; I < E && I < N; I = next(I))
    if (kwIn(I, Ks))
      return I;
  return NoPos;
}

std::vector<TokRange> StatementParser::split(size_t B, size_t E,
                                             StringRef Sep) const {
  std::vector<TokRange> Out;
  E = std::min(E, N);
  if (B >= E)
    return Out;
  size_t Start = B;
  for (size_t I = B; I < E; I = next(I))
    if (punct(I, Sep)) {
      Out.push_back({Start, I});
      Start = I + 1;
    }
  Out.push_back({Start, E});
  return Out;
}

void StatementParser::problem(StringRef Message) {
  if (F.Problem.empty())
    F.Problem = Message.str();
}

void StatementParser::addRead(const std::string &Table) {
  if (Table.empty())
    return;
  for (const std::string &C : CteNames)
    if (C == Table)
      return;
  if (ReadSet.insert(Table).second)
    F.TablesRead.push_back(Table);
}

void StatementParser::addWritten(const std::string &Table) {
  if (!Table.empty() && WrittenSet.insert(Table).second)
    F.TablesWritten.push_back(Table);
}

bool StatementParser::isReserved(size_t I) const {
  const Token &T = tok(I);
  return T.Kind == TokenKind::Word && isClauseWord(T.Text);
}

//===-- Run and dispatch --------------------------------------------------===//

void StatementParser::run(InsertLayout *L) {
  Layout = L;
  if (N == 0) {
    problem("empty statement");
    return;
  }
  F.Begin = Toks.front().Offset;
  F.End = Toks.back().end();
  for (const Token &T : Toks)
    if (T.Kind == TokenKind::Hole || T.Text.contains(HoleChar)) {
      F.HasHoles = true;
      break;
    }
  dispatch(0);
  if (F.Kind != StatementKind::Transaction && F.Kind != StatementKind::Lock &&
      F.Kind != StatementKind::DDL)
    scanLockCalls();
  std::sort(F.KeyColumns.begin(), F.KeyColumns.end());
  F.KeyColumns.erase(std::unique(F.KeyColumns.begin(), F.KeyColumns.end()),
                     F.KeyColumns.end());
}

void StatementParser::dispatch(size_t I) {
  // A query wrapped in parentheses: "(SELECT ...) UNION (SELECT ...)".
  while (punct(I, "(") &&
         (kwIn(I + 1, {"select", "with"}) || punct(I + 1, "(")))
    ++I;
  while (kw(I, "WITH")) {
    size_t J = parseWith(I);
    if (J <= I)
      break;
    I = J;
  }
  if (I > 0)
    collectReads(0, I); // the bodies of WITH queries
  const Token &T = tok(I);
  if (T.Kind == TokenKind::Hole) {
    problem("statement starts with an unknown fragment");
    return;
  }
  if (T.Kind != TokenKind::Word) {
    problem("unrecognised statement");
    return;
  }
  StringRef W = T.Text;
  if (W.equals_insensitive("select"))
    return parseSelectStatement(I);
  if (W.equals_insensitive("insert"))
    return parseInsert(I, /*IsReplace=*/false);
  if (W.equals_insensitive("replace") && !punct(I + 1, "("))
    return parseInsert(I, /*IsReplace=*/true);
  if (W.equals_insensitive("update"))
    return parseUpdate(I);
  if (W.equals_insensitive("delete"))
    return parseDelete(I);
  if (W.equals_insensitive("merge"))
    return parseMerge(I);
  if (inList(W, {"create", "alter", "drop", "truncate", "rename"}))
    return parseDdl(I);
  if (inList(W, {"begin", "start"}))
    return parseBegin(I);
  if (inList(W, {"commit", "end", "rollback", "abort", "savepoint", "save",
                 "release"}))
    return parseEndOfTransaction(I);
  if (W.equals_insensitive("set"))
    return parseSet(I);
  if (inList(W, {"lock", "unlock"}))
    return parseLockTables(I);
  if (inList(W, {"exec",     "execute", "call",     "perform",    "do",
                 "declare",  "if",      "pragma",   "explain",    "show",
                 "describe", "desc",    "analyze",  "analyse",    "vacuum",
                 "grant",    "revoke",  "use",      "prepare",    "deallocate",
                 "copy",     "listen",  "notify",   "unlisten",   "reindex",
                 "cluster",  "comment", "print",    "return",     "while",
                 "go",       "flush",   "optimize", "checkpoint", "load",
                 "handler",  "refresh", "reset",    "discard",    "fetch",
                 "close",    "open",    "move",     "waitfor",    "raiserror",
                 "throw",    "kill",    "attach",   "detach",     "values",
                 "table",    "upsert",  "security", "dbcc",       "bulk",
                 "backup",   "restore", "install",  "uninstall",  "xa",
                 "purge",    "check",   "repair",   "cache",      "import",
                 "export"})) {
    F.Kind = StatementKind::Other;
    return;
  }
  problem("unrecognised statement");
}

//===-- Names and table references ---------------------------------------===//

size_t StatementParser::parseName(size_t I, size_t E, NameRef &Out) const {
  Out = NameRef();
  Out.B = Out.E = I;
  enum { Start, AfterPart, AfterDot } State = Start;
  bool SawHole = false, PrevHole = false;
  std::string Name, Last;
  size_t J = I;
  auto TakePart = [&](const Token &T) {
    // An unterminated quoted name ran to the end of the text: not trusted.
    // A hole inside a quoted name ("us<hole>ers") leaves it unknown too.
    if (T.Kind == TokenKind::Hole || T.Unterminated ||
        T.Text.contains(HoleChar)) {
      SawHole = PrevHole = true;
      return;
    }
    PrevHole = false;
    Last = identifierName(T);
    Name += Last;
  };
  while (J < E && J < N) {
    const Token &T = tok(J);
    if (State != AfterPart) {
      bool IsPart = T.Kind == TokenKind::QuotedIdent ||
                    T.Kind == TokenKind::Hole ||
                    (T.Kind == TokenKind::Word &&
                     (State == AfterDot || !isNameStopWord(T.Text)));
      if (!IsPart)
        break;
      TakePart(T);
      State = AfterPart;
      ++J;
      continue;
    }
    if (T.isPunct(".")) {
      Name += '.';
      State = AfterDot;
      ++J;
      continue;
    }
    // A hole glued to a name ("users_" + suffix) makes the name unknown.
    bool Glued =
        !T.SpaceBefore &&
        (T.Kind == TokenKind::Hole ||
         (PrevHole && (T.isIdentifier() || T.Kind == TokenKind::Number)));
    if (!Glued)
      break;
    SawHole = true;
    TakePart(T);
    ++J;
  }
  if (J == I)
    return I;
  Out.Found = true;
  Out.Known = !SawHole && State == AfterPart;
  if (Out.Known) {
    Out.Name = std::move(Name);
    Out.Last = std::move(Last);
  }
  Out.E = J;
  return J;
}

size_t StatementParser::parseHints(size_t I, size_t E,
                                   std::vector<std::string> &Out) const {
  size_t Open = NoPos;
  if (kw(I, "WITH") && punct(I + 1, "("))
    Open = I + 1;
  else if (punct(I, "(") && tok(I + 1).Kind == TokenKind::Word &&
           isHintWord(tok(I + 1).Text))
    Open = I; // the old "FROM t (NOLOCK)" spelling
  if (Open == NoPos || Open >= E)
    return I;
  size_t C = closeOf(Open);
  for (TokRange R : split(Open + 1, C, ",")) {
    const Token &H = tok(R.first);
    if (R.first < R.second && H.Kind == TokenKind::Word)
      Out.push_back(H.Text.upper());
  }
  return C >= N ? N : C + 1;
}

size_t StatementParser::parseTableRef(size_t I, size_t E, TableRef &Out) const {
  Out = TableRef();
  size_t J = I;
  while (kwIn(J, {"only", "lateral"}))
    ++J;
  if (J >= E)
    return I;
  if (punct(J, "(")) {
    Out.Derived = true;
    J = next(J);
  } else {
    size_t K = parseName(J, E, Out.Name);
    if (K == J)
      return I;
    J = K;
    if (punct(J, "(") &&
        !(tok(J + 1).Kind == TokenKind::Word && isHintWord(tok(J + 1).Text))) {
      Out.Derived = true; // a table function: generate_series(...), OPENJSON
      J = next(J);
    }
    if (punct(J, "*")) // PostgreSQL "ONLY t *" / "t *"
      ++J;
  }
  J = parseHints(J, E, Out.Hints);
  if (kw(J, "AS")) {
    ++J;
    if (tok(J).isIdentifier()) {
      Out.Alias = identifierName(tok(J));
      ++J;
    }
  } else if (J < E && (tok(J).Kind == TokenKind::QuotedIdent ||
                       (tok(J).Kind == TokenKind::Word && !isReserved(J)))) {
    Out.Alias = identifierName(tok(J));
    ++J;
  }
  if (!Out.Alias.empty() && punct(J, "(") && Out.Derived)
    J = next(J); // column aliases: AS s(k, v)
  J = parseHints(J, E, Out.Hints);
  // MySQL index hints: USE INDEX (...), FORCE KEY FOR JOIN (...).
  while (kwIn(J, {"use", "force", "ignore"}) && kwIn(J + 1, {"index", "key"})) {
    J += 2;
    while (J < E && tok(J).Kind == TokenKind::Word)
      ++J;
    if (punct(J, "("))
      J = next(J);
  }
  return J;
}

void StatementParser::collectReads(size_t B, size_t E) {
  E = std::min(E, N);
  std::vector<bool> Stack;
  bool Query = true;
  for (size_t I = B; I < E; ++I) {
    const Token &T = tok(I);
    if (T.isPunct("(")) {
      Stack.push_back(Query);
      // A group right after a function name is an argument list: FROM in
      // EXTRACT(YEAR FROM d) or TRIM(x FROM y) names no table.
      bool Call =
          I > 0 && tok(I - 1).Kind == TokenKind::Word && !isReserved(I - 1);
      Query = kwIn(I + 1, {"select", "with"}) || !Call;
      continue;
    }
    if (T.isPunct(")")) {
      if (!Stack.empty()) {
        Query = Stack.back();
        Stack.pop_back();
      }
      continue;
    }
    if (!Query || T.Kind != TokenKind::Word)
      continue;
    bool IsFrom = T.isWord("FROM") && !(I > 0 && kw(I - 1, "DISTINCT"));
    bool IsJoin = T.isWord("JOIN") || T.isWord("STRAIGHT_JOIN");
    if (!IsFrom && !IsJoin)
      continue;
    size_t J = I + 1;
    while (J < E) {
      TableRef R;
      size_t K = parseTableRef(J, E, R);
      if (K == J)
        break;
      if (!R.Derived && R.Name.Known && R.Name.Name != "dual")
        addRead(R.Name.Name);
      if (!IsFrom || !punct(K, ","))
        break;
      J = K + 1;
    }
  }
}

} // namespace detail

//===-- Public entry point
//-------------------------------------------------===//

std::vector<StatementFacts> analyzeSql(StringRef Text, Dialect D) {
  std::vector<LexProblem> Problems;
  std::vector<Token> Toks = tokenize(Text, D, &Problems);
  std::vector<detail::TokRange> Ranges = detail::splitStatements(Toks);
  std::vector<StatementFacts> Out;
  Out.reserve(Ranges.size());
  for (size_t S = 0; S < Ranges.size(); ++S) {
    auto [B, E] = Ranges[S];
    StatementFacts F;
    // A lexical problem belongs to the statement whose text it starts in.
    size_t From = S == 0 ? 0 : Toks[B].Offset;
    size_t To = S + 1 < Ranges.size() ? Toks[Ranges[S + 1].first].Offset
                                      : Text.size() + 1;
    for (const LexProblem &P : Problems)
      if (P.Offset >= From && P.Offset < To) {
        F.Problem = P.Message;
        break;
      }
    ArrayRef<Token> Slice(Toks.data() + B, E - B);
    detail::StatementParser(Text, Slice, D, F).run();
    Out.push_back(std::move(F));
  }
  if (Out.empty()) {
    StatementFacts F;
    F.HasHoles = Text.contains(HoleChar);
    F.Problem = Problems.empty() ? "empty statement" : Problems.front().Message;
    Out.push_back(std::move(F));
  }
  return Out;
}

} // namespace sqlrace::sql
