//===- Generator.cpp - sqlrace fuzzing ------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The grammar, top down: a program is a prelude (headers, macros, wrapper
// structs with conversion operators, unsigned enums), then functions over
// one API whose bodies are blocks of statements. A statement is an API
// fragment (check-then-insert, read-modify-write, a plain execution), a
// control structure holding further blocks (if, loops, switch with
// fallthrough, goto, try/catch, lambdas), a call of an earlier function or
// template instantiation, or integer reasoning on huge and unsigned
// constants. Names get a unique number, and every declaration sits in a
// block of its own fragment, so any statement can go anywhere a statement
// can.
//===----------------------------------------------------------------------===//
#include "Generator.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace sqlrace::fuzz {

unsigned Choices::below(unsigned N) {
  if (N <= 1 || Pos >= Size)
    return 0;
  // One byte for small ranges, two for larger ones.
  unsigned V = Data[Pos++];
  if (N > 256 && Pos < Size)
    V = (V << 8) | Data[Pos++];
  return V % N;
}

const char *apiName(Api A) {
  switch (A) {
  case Api::Sqlite:
    return "sqlite3";
  case Api::Libpq:
    return "libpq";
  case Api::Pqxx:
    return "libpqxx";
  }
  return "?";
}

std::vector<uint8_t> bytesForSeed(uint64_t Seed, size_t Size) {
  std::vector<uint8_t> Out(Size);
  uint64_t X = Seed * 0x9E3779B97F4A7C15ull + 0x1234567ull;
  for (uint8_t &B : Out) {
    X ^= X << 13;
    X ^= X >> 7;
    X ^= X << 17;
    B = uint8_t(X >> 24);
  }
  return Out;
}

namespace {

std::string quote(const std::string &S) {
  std::string Out = "\"";
  for (char Ch : S) {
    if (Ch == '"' || Ch == '\\')
      Out += '\\';
    Out += Ch;
  }
  return Out + "\"";
}

/// Where a statement is generated.
struct Scope {
  unsigned Depth = 0;
  bool InLambda = false; ///< returns void
  bool InLoop = false;   ///< break and continue are allowed
};

/// SQL text in three parts, so the table name can come from a macro.
struct Sql {
  std::string Before, Table, After;
  std::string text() const { return Before + Table + After; }
};

struct TableInfo {
  const char *Table, *Key;
};
const TableInfo Tables[] = {
    {"users", "email"}, {"coupons", "code"}, {"accounts", "owner"}};

enum class SqlKind { Check, Insert, AtomicInsert, Read, Update, Begin, End,
                     Lock, Ddl };

class Gen {
public:
  Gen(Choices &C, const Limits &L) : C(C), L(L) {}
  Program run();

private:
  Choices &C;
  const Limits &L;
  Api A = Api::Sqlite;
  unsigned Counter = 0;
  /// Inside a template or a generic lambda: Clang instantiates the body with
  /// a deeper recursion per '+', and overflows its stack on chains of
  /// 10,000 pieces there, so chains stay shorter (2,000).
  unsigned TemplateDepth = 0;
  std::string Top; ///< helpers emitted before the function being generated
  /// Calls of the functions generated so far, with CONN for the connection.
  std::vector<std::string> Callables;

  std::string fresh(const char *Base) {
    return Base + std::to_string(Counter++);
  }
  /// One of Options; with AvoidHugeValues, the first one from the chosen on
  /// that has no huge constant (the chosen one if none qualifies).
  template <size_t N> const char *pick(const char *const (&Options)[N]) {
    unsigned First = C.below(N);
    for (unsigned K = 0; K < N; ++K)
      if (allowed(Options[(First + K) % N]))
        return Options[(First + K) % N];
    return Options[First];
  }
  bool allowed(const std::string &Text) const {
    if (L.AvoidConversionOperators && Text.find("Ref{") != std::string::npos)
      return false;
    if (!L.AvoidHugeValues)
      return true;
    static const char *const Huge[] = {
        "~0", "npos", "SIZE_MAX", "UINT64_MAX", "0xFFFFFFFFFFFFFFFF",
        "18446744073709551615", "0x8000000000000000", "ModeAll", "ModeHigh",
        "INT64_MIN", "LLONG", "__int128", "HUGE_U", "(std::size_t)-1",
        "Flags::Top", "INT_MAX", "INT_MIN", "(std::size_t)"};
    for (const char *H : Huge)
      if (Text.find(H) != std::string::npos)
        return false;
    return true;
  }
  bool convOp() { return !L.AvoidConversionOperators && C.chance(20); }
  static std::string ind(unsigned I) { return std::string(2 * I, ' '); }

  const char *conn() const {
    return A == Api::Sqlite ? "db" : A == Api::Libpq ? "conn" : "c";
  }
  std::string placeholder(int I) const {
    return (A == Api::Sqlite ? std::string("?") : "$" + std::to_string(I));
  }

  // Pieces of the grammar.
  std::string prelude();
  std::string function();
  std::string block(const Scope &S, unsigned I, unsigned MinStatements = 0);
  std::string statement(const Scope &S, unsigned I);
  std::string cond(const Scope &S, unsigned Depth = 0);
  std::string atom();
  Sql sqlOf(SqlKind K, unsigned Table);
  std::string sqlExpr(const Sql &Q, std::string &Pre, unsigned I);
  std::string hugeConstant();
  // Statements.
  std::string checkThenAct(const Scope &S, unsigned I);
  std::string insert(unsigned Table, unsigned I);
  std::string readModifyWrite(const Scope &S, unsigned I);
  std::string execute(unsigned I);
  std::string ifElse(const Scope &S, unsigned I);
  std::string loop(const Scope &S, unsigned I);
  std::string switchOn(const Scope &S, unsigned I);
  std::string gotoJump(const Scope &S, unsigned I);
  std::string tryCatch(const Scope &S, unsigned I);
  std::string lambda(const Scope &S, unsigned I);
  std::string call(unsigned I);
  std::string integers(const Scope &S, unsigned I);
  std::string earlyExit(const Scope &S, unsigned I);
  std::string macroUse(unsigned I);
  std::string resultCondition(const std::string &R);
};

Program Gen::run() {
  Program P;
  A = static_cast<Api>(C.below(3));
  P.Which = A;
  P.Flags = {"-std=c++17", "-Wno-everything"};
  if (A == Api::Libpq)
    P.Flags.push_back("-I/usr/include/postgresql");
  std::string Out = prelude();
  unsigned Functions = 1 + C.below(L.MaxFunctions);
  for (unsigned F = 0; F < Functions; ++F) {
    Top.clear();
    std::string Body = function();
    Out += Top + Body;
  }
  P.Text = std::move(Out);
  return P;
}

std::string Gen::prelude() {
  std::string O = "// Generated by sqlrace's program generator (";
  O += apiName(A);
  O += ").\n#include <climits>\n#include <cstddef>\n#include <cstdint>\n"
       "#include <cstdio>\n#include <cstdlib>\n#include <stdexcept>\n"
       "#include <string>\n#include <vector>\n";
  switch (A) {
  case Api::Sqlite:
    O += "#include <sqlite3.h>\n\n"
         "#define RUN_SQL(conn, q) sqlite3_exec((conn), (q), nullptr, nullptr, "
         "nullptr)\n"
         "#define NO_ROW(r) ((r) != SQLITE_ROW)\n"
         "struct StmtRef { sqlite3_stmt *S; operator sqlite3_stmt *() const "
         "{ return S; } };\n"
         "struct DbRef { sqlite3 *D; operator sqlite3 *() const { return D; } "
         "};\n";
    break;
  case Api::Libpq:
    O += "#include <libpq-fe.h>\n\n"
         "#define RUN_SQL(conn, q) PQclear(PQexec((conn), (q)))\n"
         "#define NO_ROW(r) (PQntuples(r) == 0)\n"
         "struct ResRef { PGresult *R; operator PGresult *() const { return R; "
         "} };\n"
         "struct ConnRef { PGconn *C; operator PGconn *() const { return C; } "
         "};\n";
    break;
  case Api::Pqxx:
    O += "#include <pqxx/pqxx>\n\n"
         "#define RUN_SQL(conn, q) do { pqxx::nontransaction Nt_(conn); "
         "Nt_.exec(q); } while (0)\n"
         "#define NO_ROW(r) ((r).empty())\n"
         "struct ConnRef { pqxx::connection &C; operator pqxx::connection &() "
         "const { return C; } };\n";
    break;
  }
  O += "#define TWICE(...) do { __VA_ARGS__; __VA_ARGS__; } while (0)\n"
       "#define HUGE_U (~0ull)\n"
       "#define IDENT(x) x\n";
  for (const TableInfo &T : Tables)
    O += std::string("#define TBL_") + T.Table + " \"" + T.Table + "\"\n";
  O += "enum Mode : unsigned long long { ModeNone = 0, ModeHigh = "
       "0x8000000000000000ull, ModeAll = ~0ull };\n"
       "enum class Flags : unsigned { Low = 1, Top = 0xFFFFFFFFu };\n"
       "enum Small : unsigned char { SmallMax = 255 };\n\n";
  return O;
}

std::string Gen::function() {
  const char *ConnParam = A == Api::Sqlite  ? "sqlite3 *db"
                          : A == Api::Libpq ? "PGconn *conn"
                                            : "pqxx::connection &c";
  const char *ConnMember = A == Api::Sqlite  ? "sqlite3 *db;"
                           : A == Api::Libpq ? "PGconn *conn;"
                                             : "pqxx::connection &c;";
  std::string Rest = "const std::string &email, ";
  Scope S;
  S.Depth = 0;
  std::string Name;
  std::string O;
  switch (C.below(5)) {
  default: { // a plain function
    Name = fresh("f");
    std::string Body = block(S, 0, 1);
    O = "int " + Name + "(" + ConnParam + ", " + Rest +
        "unsigned long long n, int k, Mode m) " + Body.substr(0, Body.size() - 2) +
        "  return 0;\n}\n\n";
    Callables.push_back(Name + "(CONN, email, n, k, m)");
    break;
  }
  case 1: { // static, called through a pointer elsewhere
    Name = fresh("sf");
    std::string Body = block(S, 0, 1);
    O = "static int " + Name + "(" + ConnParam + ", " + Rest +
        "unsigned long long n, int k, Mode m) " +
        Body.substr(0, Body.size() - 2) + "  return k;\n}\n\n";
    Callables.push_back("(&" + Name + ")(CONN, email, n, k, m)");
    break;
  }
  case 2: { // a function template, instantiated with several integer types
    Name = fresh("tf");
    ++TemplateDepth;
    std::string Body = block(S, 0, 1);
    --TemplateDepth;
    O = "template <typename T>\nint " + Name + "(" + ConnParam + ", " + Rest +
        "T n, int k, Mode m) " + Body.substr(0, Body.size() - 2) +
        "  return 0;\n}\n\n";
    const char *const Types[] = {"unsigned long long", "int", "__int128",
                                 "unsigned __int128", "std::size_t",
                                 "unsigned char", "long"};
    unsigned Count = 1 + C.below(3);
    for (unsigned I = 0; I < Count; ++I)
      Callables.push_back(Name + "<" + pick(Types) +
                          ">(CONN, email, n, k, m)");
    break;
  }
  case 3: { // a member of a class template
    Name = fresh("Repo");
    ++TemplateDepth;
    std::string Body = block(S, 1, 1);
    --TemplateDepth;
    O = "template <typename T>\nstruct " + Name + " {\n  " + ConnMember +
        "\n  T limit;\n  int run(const std::string &email, unsigned long long "
        "n, int k, Mode m) " +
        Body.substr(0, Body.size() - 2) + "    return 0;\n  }\n};\n\n";
    const char *const Types[] = {"long", "unsigned long long", "int",
                                 "__int128"};
    Callables.push_back(Name + "<" + pick(Types) +
                        ">{CONN, 0}.run(email, n, k, m)");
    break;
  }
  case 4: { // a variadic-free overload pair: the analysis must tell them apart
    Name = fresh("ov");
    std::string Body = block(S, 0, 1);
    O = "int " + Name + "(" + ConnParam + ", " + Rest +
        "unsigned long long n, int k, Mode m) " +
        Body.substr(0, Body.size() - 2) + "  return 1;\n}\n" + "int " + Name +
        "(" + ConnParam + ", " + Rest + "unsigned long long n) { return " +
        Name + "(" + conn() + ", email, n, 0, ModeAll); }\n\n";
    Callables.push_back(Name + "(CONN, email, n)");
    break;
  }
  }
  return O;
}

/// "{\n ...statements... }\n" at indentation I.
std::string Gen::block(const Scope &S, unsigned I, unsigned MinStatements) {
  Scope Inner = S;
  ++Inner.Depth;
  unsigned Count =
      S.Depth >= L.MaxDepth ? 0 : C.below(L.MaxStatementsPerBlock + 1);
  Count = std::max(Count, MinStatements);
  std::string O = "{\n";
  for (unsigned K = 0; K < Count; ++K)
    O += statement(Inner, I + 1);
  return O + ind(I) + "}\n";
}

std::string Gen::statement(const Scope &S, unsigned I) {
  // Past the depth limit only statements without nested blocks.
  bool Leaf = S.Depth >= L.MaxDepth;
  unsigned Kind = C.below(Leaf ? 4 : 16);
  if (Leaf) {
    switch (Kind) {
    case 0:
      return execute(I);
    case 1:
      return integers(S, I);
    case 2:
      return macroUse(I);
    default:
      return earlyExit(S, I);
    }
  }
  switch (Kind) {
  case 0:
  case 1:
    return checkThenAct(S, I);
  case 2:
    return readModifyWrite(S, I);
  case 3:
    return execute(I);
  case 4:
    return ifElse(S, I);
  case 5:
    return loop(S, I);
  case 6:
    return switchOn(S, I);
  case 7:
    return gotoJump(S, I);
  case 8:
    return tryCatch(S, I);
  case 9:
    return lambda(S, I);
  case 10:
    return call(I);
  case 11:
  case 12:
    return integers(S, I);
  case 13:
    return earlyExit(S, I);
  case 14:
    return macroUse(I);
  default:
    return insert(C.below(3), I);
  }
}

std::string Gen::hugeConstant() {
  const char *const Values[] = {
      "~0ull", "std::string::npos", "SIZE_MAX", "UINT64_MAX",
      "0xFFFFFFFFFFFFFFFFull", "18446744073709551615ull",
      "0x8000000000000000ull", "static_cast<unsigned long long>(ModeAll)",
      "HUGE_U", "(std::size_t)-1", "ULLONG_MAX", "static_cast<unsigned>(Flags::Top)",
      "INT64_MIN", "LLONG_MAX", "(unsigned __int128)~0ull << 64", "ModeHigh"};
  std::string V = pick(Values);
  return allowed(V) ? V : "42ull";
}

std::string Gen::atom() {
  const char *const Atoms[] = {
      "email.find('@') == std::string::npos",
      "email.find(\"@\") != std::string::npos",
      "email.rfind('.') == std::string::npos",
      "email.size() > SIZE_MAX - 1",
      "n == ~0ull",
      "n >= SIZE_MAX",
      "(n & 0x8000000000000000ull) != 0",
      "(n ^ ~0ull) < 3",
      "n + 1 < n",
      "n - 1 > n",
      "-n == 1",
      "~n == 0",
      "(unsigned __int128)n * 3 > n",
      "static_cast<__int128>(n) < 0",
      "(long long)n == INT64_MIN",
      "k == 0",
      "k != 7",
      "k < -1",
      "-k > 0",
      "k + INT_MAX < 0",
      "-(long long)k == LLONG_MIN",
      "m == ModeAll",
      "m != ModeNone",
      "m >= ModeHigh",
      "static_cast<unsigned long long>(m) == ~0ull",
      "(n % 18446744073709551615ull) == 0",
      "(n >> 63) == 1",
      "n == (unsigned long long)SmallMax",
      "!email.empty()",
      "email == \"admin@example.com\"",
      "true",
      "false",
  };
  return pick(Atoms);
}

std::string Gen::cond(const Scope &S, unsigned Depth) {
  if (Depth >= 2)
    return atom();
  // Choices are drawn in source order: the operands of '+' on strings are
  // not sequenced, and GCC and Clang evaluate them in different orders, so
  // every second draw in one expression goes through a local first.
  switch (C.below(6)) {
  case 3: {
    std::string Left = cond(S, Depth + 1);
    return "(" + Left + " && " + cond(S, Depth + 1) + ")";
  }
  case 4: {
    std::string Left = cond(S, Depth + 1);
    return "(" + Left + " || " + cond(S, Depth + 1) + ")";
  }
  case 5:
    return "!(" + cond(S, Depth + 1) + ")";
  default:
    return atom();
  }
}

Sql Gen::sqlOf(SqlKind K, unsigned T) {
  const TableInfo &Tb = Tables[T % 3];
  std::string Key = Tb.Key, P1 = placeholder(1), P2 = placeholder(2);
  bool Sqlite = A == Api::Sqlite;
  switch (K) {
  case SqlKind::Check: {
    switch (C.below(5)) {
    default:
      return {"SELECT 1 FROM ", Tb.Table, " WHERE " + Key + " = " + P1};
    case 1:
      return {"SELECT count(*) FROM ", Tb.Table, " WHERE " + Key + " = " + P1};
    case 2:
      return {"SELECT id FROM ", Tb.Table,
              " WHERE " + Key + " = " + P1 + " LIMIT 1"};
    case 3:
      return {"SELECT EXISTS (SELECT 1 FROM ", Tb.Table,
              " WHERE " + Key + " = " + P1 + ")"};
    case 4:
      return {"SELECT id FROM ", Tb.Table,
              " WHERE " + Key + " = " + P1 + " FOR UPDATE"};
    }
  }
  case SqlKind::Insert:
    if (C.chance(20) && !L.AvoidHugeValues)
      return {"INSERT INTO ", Tb.Table, "(" + Key + ", id) VALUES (" + P1 +
                                            ", 18446744073709551615)"};
    return {"INSERT INTO ", Tb.Table, "(" + Key + ") VALUES (" + P1 + ")"};
  case SqlKind::AtomicInsert:
    return {"INSERT INTO ", Tb.Table,
            "(" + Key + ") VALUES (" + P1 + ") ON CONFLICT (" + Key +
                ") DO NOTHING"};
  case SqlKind::Read:
    return {"SELECT balance FROM ", "accounts", " WHERE owner = " + P1};
  case SqlKind::Update:
    return {"UPDATE ", "accounts",
            " SET balance = " + P1 + " WHERE owner = " + P2};
  case SqlKind::Begin: {
    const char *const Lite[] = {"BEGIN", "BEGIN IMMEDIATE", "BEGIN EXCLUSIVE",
                                "SAVEPOINT sp"};
    const char *const Pg[] = {"BEGIN", "BEGIN ISOLATION LEVEL SERIALIZABLE",
                              "START TRANSACTION",
                              "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"};
    return {Sqlite ? pick(Lite) : pick(Pg), "", ""};
  }
  case SqlKind::End: {
    const char *const Ends[] = {"COMMIT", "ROLLBACK", "END"};
    return {pick(Ends), "", ""};
  }
  case SqlKind::Lock:
    if (Sqlite)
      return {"SELECT 1 FROM ", Tb.Table, ""};
    if (C.chance(50))
      return {L.AvoidHugeValues
                  ? "SELECT pg_advisory_xact_lock(42)"
                  : "SELECT pg_advisory_xact_lock(18446744073709551615)",
              "", ""};
    return {"LOCK TABLE ", Tb.Table, " IN EXCLUSIVE MODE"};
  case SqlKind::Ddl:
    return {"CREATE UNIQUE INDEX IF NOT EXISTS ux ON ", Tb.Table,
            "(" + Key + ")"};
  }
  return {"SELECT 1", "", ""};
}

/// An expression for the SQL text (const char * for the C APIs, anything
/// that makes a std::string for libpqxx); statements it needs first go to
/// Pre.
std::string Gen::sqlExpr(const Sql &Q, std::string &Pre, unsigned I) {
  bool Cpp = A == Api::Pqxx;
  switch (C.below(9)) {
  default:
    return quote(Q.text());
  case 1: // the table from a macro, literal concatenation
    if (Q.Table.empty())
      return "IDENT(" + quote(Q.text()) + ")";
    return quote(Q.Before) + " TBL_" + Q.Table + " " + quote(Q.After);
  case 2: { // a std::string made with '+', maybe very long
    // Long chains are rare: each costs the parse and the analysis time.
    // Clang itself overflows its 8 MB stack on a chain of 10,000 std::string
    // '+' inside a nested function body (it warns "stack nearly exhausted"
    // from about 12,000 in a flat one), hence the top length.
    const unsigned Lengths[] = {1, 3, 1, 3, 40, 1, 3, 40,
                                1, 3, 40, 1, 3, 1000, 3000, 6000};
    unsigned Pieces = std::min(Lengths[C.below(16)], L.MaxConcatPieces);
    if (TemplateDepth > 0)
      Pieces = std::min(Pieces, 2000u);
    std::string V = fresh("q");
    std::string O = ind(I) + "std::string " + V + " = std::string(" +
                    quote(Q.Before) + ")";
    for (unsigned K = 0; K < Pieces; ++K)
      O += K % 3 == 2 ? " + \" \"" : " + \"\"";
    O += " + " + quote(Q.Table) + " + " + quote(Q.After) + ";\n";
    Pre += O;
    return Cpp ? V : V + ".c_str()";
  }
  case 3: { // += pieces along the path
    std::string V = fresh("q");
    Pre += ind(I) + "std::string " + V + ";\n" + ind(I) + V +
           " += " + quote(Q.Before) + ";\n" + ind(I) + V + ".append(" +
           quote(Q.Table) + ");\n" + ind(I) + V + " += " + quote(Q.After) +
           ";\n";
    return Cpp ? V : V + ".c_str()";
  }
  case 4: { // a huge literal: the SQL, then a long comment
    const unsigned Sizes[] = {100, 10, 100, 10, 100, 10, 100, 10,
                              100, 10, 100, 10, 5000, 5000, 70000, 200000};
    unsigned Bytes = std::min(Sizes[C.below(16)], L.MaxLiteralBytes);
    return quote(Q.text() + " /*" + std::string(Bytes, 'x') + "*/");
  }
  case 5: // a raw literal
    return "R\"sql(" + Q.text() + ")sql\"";
  case 6: { // snprintf, with %c taking a huge or 128-bit value
    std::string V = fresh("buf");
    const char *const Args[] = {"' '", "~0ull", "(unsigned __int128)1 << 100",
                                "n", "(__int128)-1", "k"};
    Pre += ind(I) + "char " + V + "[512];\n" + ind(I) + "std::snprintf(" + V +
           ", sizeof " + V + ", \"%s%c\", " + quote(Q.text()) + ", " +
           pick(Args) + ");\n";
    return V;
  }
  case 7: { // a named constant
    std::string V = fresh("kSql");
    Pre += ind(I) + "static const char *const " + V + " = " + quote(Q.text()) +
           ";\n";
    return V;
  }
  case 8: { // a function returning constant text
    std::string V = fresh("sqlText");
    Top += "static const char *" + V + "() { return " + quote(Q.text()) +
           "; }\n";
    return V + "()";
  }
  }
}

std::string Gen::resultCondition(const std::string &R) {
  switch (A) {
  case Api::Sqlite: {
    const char *const Forms[] = {
        "@ != SQLITE_ROW", "@ == SQLITE_DONE", "NO_ROW(@)", "SQLITE_ROW != @",
        "@ == 101", "!(@ == SQLITE_ROW)", "(unsigned long long)@ != ~0ull",
        "@ >= SQLITE_DONE", "@ == SQLITE_ROW"};
    std::string F = pick(Forms);
    for (size_t P; (P = F.find('@')) != std::string::npos;)
      F.replace(P, 1, R);
    return F;
  }
  case Api::Libpq: {
    const char *const Forms[] = {
        "PQntuples(@) == 0", "PQntuples(@) < 1", "!PQntuples(@)", "NO_ROW(@)",
        "PQntuples(ResRef{@}) == 0",
        "std::atoi(PQgetvalue(@, 0, 0)) == 0",
        "(unsigned long long)PQntuples(@) == std::string::npos",
        "PQntuples(@) > 0"};
    std::string F = pick(Forms);
    for (size_t P; (P = F.find('@')) != std::string::npos;)
      F.replace(P, 1, R);
    return F;
  }
  case Api::Pqxx: {
    const char *const Forms[] = {
        "@.empty()", "@.size() == 0", "NO_ROW(@)",
        "@[0][0].as<int>() == 0", "@.size() == std::string::npos",
        "!@.empty()", "@.size() < 1"};
    std::string F = pick(Forms);
    for (size_t P; (P = F.find('@')) != std::string::npos;)
      F.replace(P, 1, R);
    return F;
  }
  }
  return "true";
}

std::string Gen::insert(unsigned T, unsigned I) {
  std::string Pre;
  Sql Q = sqlOf(C.chance(85) ? SqlKind::Insert : SqlKind::AtomicInsert, T);
  std::string E = sqlExpr(Q, Pre, I);
  std::string O = Pre;
  std::string V = fresh("ins");
  switch (A) {
  case Api::Sqlite: {
    std::string Db = convOp() ? "DbRef{db}" : "db";
    O += ind(I) + "sqlite3_stmt *" + V + " = nullptr;\n" + ind(I) +
         "sqlite3_prepare_v2(" + Db + ", " + E + ", -1, &" + V +
         ", nullptr);\n" + ind(I) + "sqlite3_bind_text(" + V +
         ", 1, email.c_str(), -1, SQLITE_TRANSIENT);\n";
    if (C.chance(30))
      O += ind(I) + "if (sqlite3_step(" + V +
           ") == SQLITE_CONSTRAINT && sqlite3_extended_errcode(db) == "
           "SQLITE_CONSTRAINT_UNIQUE) {}\n";
    else
      O += ind(I) + "sqlite3_step(" + V + ");\n";
    O += ind(I) + "sqlite3_finalize(" + V + ");\n";
    return O;
  }
  case Api::Libpq: {
    std::string P = fresh("p");
    std::string Conn = convOp() ? "ConnRef{conn}" : "conn";
    O += ind(I) + "const char *" + P + "[1] = {email.c_str()};\n" + ind(I) +
         "PGresult *" + V + " = PQexecParams(" + Conn + ", " + E + ", 1, "
         "nullptr, " + P + ", nullptr, nullptr, 0);\n";
    if (C.chance(30))
      O += ind(I) + "if (const char *St = PQresultErrorField(" + V +
           ", PG_DIAG_SQLSTATE)) { if (std::string(St) == \"23505\") {} }\n";
    O += ind(I) + "PQclear(" + V + ");\n";
    return O;
  }
  case Api::Pqxx: {
    O += ind(I) + "{\n" + ind(I + 1) + "pqxx::work " + V +
         (convOp() ? "(ConnRef{c});\n" : "(c);\n");
    if (C.chance(30))
      O += ind(I + 1) + "try { " + V + ".exec_params(" + E +
           ", email); } catch (const pqxx::unique_violation &) {}\n";
    else
      O += ind(I + 1) + V + ".exec_params(" + E + ", email);\n";
    O += ind(I + 1) + V + ".commit();\n" + ind(I) + "}\n";
    return O;
  }
  }
  return O;
}

std::string Gen::checkThenAct(const Scope &S, unsigned I) {
  unsigned T = C.below(3);
  std::string Pre;
  std::string E = sqlExpr(sqlOf(SqlKind::Check, T), Pre, I + 1);
  std::string O = ind(I) + "{\n" + Pre;
  std::string R = fresh("r");
  unsigned J = I + 1;
  switch (A) {
  case Api::Sqlite: {
    std::string St = fresh("st");
    O += ind(J) + "sqlite3_stmt *" + St + " = nullptr;\n" + ind(J) +
         "sqlite3_prepare_v2(db, " + E + ", -1, &" + St + ", nullptr);\n" +
         ind(J) + "sqlite3_bind_text(" + St +
         ", 1, email.c_str(), -1, SQLITE_TRANSIENT);\n" + ind(J) + "int " + R +
         " = sqlite3_step(" + (convOp() ? "StmtRef{" + St + "}" : St) +
         ");\n";
    if (C.chance(20) && !L.AvoidHugeValues)
      O += ind(J) + "long long cnt" + R + " = sqlite3_column_int64(" + St +
           ", 0);\n" + ind(J) + "if (cnt" + R + " == (long long)~0ull) " + R +
           " = SQLITE_DONE;\n";
    O += ind(J) + "sqlite3_finalize(" + St + ");\n";
    break;
  }
  case Api::Libpq: {
    std::string P = fresh("p");
    O += ind(J) + "const char *" + P + "[1] = {email.c_str()};\n" + ind(J) +
         "PGresult *" + R + " = PQexecParams(conn, " + E + ", 1, nullptr, " +
         P + ", nullptr, nullptr, 0);\n";
    break;
  }
  case Api::Pqxx: {
    std::string W = fresh("w");
    O += ind(J) + "pqxx::result " + R + ";\n" + ind(J) + "{\n" + ind(J + 1) +
         "pqxx::work " + W + "(c);\n" + ind(J + 1) + R + " = " + W +
         ".exec_params(" + E + ", email);\n" + ind(J + 1) + W +
         ".commit();\n" + ind(J) + "}\n";
    break;
  }
  }
  // Then the act, on one of several shapes of branch.
  std::string Act = insert(T, J + 1);
  switch (C.below(4)) {
  default: {
    std::string Inner = block(S, J);
    O += ind(J) + "if (" + resultCondition(R) + ") {\n" + Act + ind(J + 1) +
         Inner + ind(J) + "}\n";
    break;
  }
  case 1: {
    std::string Test = resultCondition(R);
    Test += " && " + cond(S);
    O += ind(J) + "if (" + Test + ") {\n" + Act + ind(J) + "} else " +
         block(S, J);
    break;
  }
  case 2: { // switch with fallthrough on the result
    std::string Subject = A == Api::Sqlite  ? R
                          : A == Api::Libpq ? "PQntuples(" + R + ")"
                                            : R + ".size()";
    std::string Odd = L.AvoidHugeValues    ? "7"
                      : A == Api::Pqxx ? "std::string::npos"
                                       : "INT_MAX";
    O += ind(J) + "switch (" + Subject + ") {\n" + ind(J) +
         (A == Api::Sqlite ? "case SQLITE_DONE: {\n" : "case 0: {\n") + Act +
         ind(J) + "}\n" + ind(J + 1) + "[[fallthrough]];\n" + ind(J) +
         "case " + Odd + ":\n" + ind(J + 1) + block(S, J + 1) + ind(J + 1) +
         "break;\n" + ind(J) + "default:\n" + ind(J + 1) + "break;\n" + ind(J) +
         "}\n";
    break;
  }
  case 3: // negated early exit, then the act
    O += ind(J) + "if (!(" + resultCondition(R) + ")) " +
         (S.InLambda ? "return;\n" : "return 1;\n") + Act;
    break;
  }
  if (A == Api::Libpq)
    O += ind(J) + "PQclear(" + R + ");\n";
  return O + ind(I) + "}\n";
}

std::string Gen::readModifyWrite(const Scope &S, unsigned I) {
  std::string Pre1, Pre2;
  std::string Read = sqlExpr(sqlOf(SqlKind::Read, 2), Pre1, I + 1);
  std::string Write = sqlExpr(sqlOf(SqlKind::Update, 2), Pre2, I + 1);
  const char *const Deltas[] = {"1", "k", "(long long)n", "~0ll", "LLONG_MAX",
                                "(long long)(n * n)", "INT64_MIN"};
  const char *const Ops[] = {"+", "-", "*", "^", "+"};
  std::string V = fresh("v");
  std::string Op = pick(Ops);
  std::string Change = V + " = " + V + " " + Op + " " + pick(Deltas) + ";\n";
  unsigned J = I + 1;
  std::string O = ind(I) + "{\n" + Pre1 + Pre2;
  switch (A) {
  case Api::Sqlite: {
    std::string St = fresh("st"), U = fresh("up");
    O += ind(J) + "sqlite3_stmt *" + St + " = nullptr;\n" + ind(J) +
         "sqlite3_prepare_v2(db, " + Read + ", -1, &" + St + ", nullptr);\n" +
         ind(J) + "sqlite3_bind_text(" + St +
         ", 1, email.c_str(), -1, SQLITE_TRANSIENT);\n" + ind(J) +
         "long long " + V + " = 0;\n" + ind(J) + "if (sqlite3_step(" + St +
         ") == SQLITE_ROW) " + V + " = sqlite3_column_int64(" + St + ", 0);\n" +
         ind(J) + "sqlite3_finalize(" + St + ");\n" + ind(J) +
         block(S, J) + ind(J) + Change + ind(J) + "sqlite3_stmt *" + U +
         " = nullptr;\n" + ind(J) + "sqlite3_prepare_v2(db, " + Write +
         ", -1, &" + U + ", nullptr);\n" + ind(J) + "sqlite3_bind_int64(" + U +
         ", 1, " + V + ");\n" + ind(J) + "sqlite3_bind_text(" + U +
         ", 2, email.c_str(), -1, SQLITE_TRANSIENT);\n" + ind(J) +
         "sqlite3_step(" + U + ");\n" + ind(J) + "sqlite3_finalize(" + U +
         ");\n";
    break;
  }
  case Api::Libpq: {
    std::string P = fresh("p"), R = fresh("r"), T = fresh("t"), Q = fresh("p");
    O += ind(J) + "const char *" + P + "[1] = {email.c_str()};\n" + ind(J) +
         "PGresult *" + R + " = PQexecParams(conn, " + Read + ", 1, nullptr, " +
         P + ", nullptr, nullptr, 0);\n" + ind(J) + "long long " + V +
         " = PQntuples(" + R + ") > 0 ? std::atoll(PQgetvalue(" + R +
         ", 0, 0)) : 0;\n" + ind(J) + "PQclear(" + R + ");\n" + ind(J) +
         block(S, J) + ind(J) + Change + ind(J) + "std::string " + T +
         " = std::to_string(" + V + ");\n" + ind(J) + "const char *" + Q +
         "[2] = {" + T + ".c_str(), email.c_str()};\n" + ind(J) +
         "PQclear(PQexecParams(conn, " + Write + ", 2, nullptr, " + Q +
         ", nullptr, nullptr, 0));\n";
    break;
  }
  case Api::Pqxx: {
    std::string W = fresh("w"), R = fresh("r");
    O += ind(J) + "pqxx::work " + W + "(c);\n" + ind(J) + "pqxx::result " + R +
         " = " + W + ".exec_params(" + Read + ", email);\n" + ind(J) +
         "long long " + V + " = " + R + ".empty() ? 0 : " + R +
         "[0][0].as<long long>();\n" + ind(J) + block(S, J) + ind(J) + Change +
         ind(J) + W + ".exec_params(" + Write + ", " + V + ", email);\n" +
         ind(J) + W + ".commit();\n";
    break;
  }
  }
  return O + ind(I) + "}\n";
}

std::string Gen::execute(unsigned I) {
  const SqlKind Kinds[] = {SqlKind::Begin, SqlKind::End, SqlKind::Lock,
                           SqlKind::Ddl, SqlKind::Insert, SqlKind::Check};
  std::string Pre;
  SqlKind Kind = Kinds[C.below(6)];
  std::string E = sqlExpr(sqlOf(Kind, C.below(3)), Pre, I + 1);
  std::string O = ind(I) + "{\n" + Pre;
  switch (A) {
  case Api::Sqlite:
    O += ind(I + 1) + "sqlite3_exec(db, " + E + ", nullptr, nullptr, nullptr);\n";
    break;
  case Api::Libpq:
    O += ind(I + 1) + "PQclear(PQexec(conn, " + E + "));\n";
    break;
  case Api::Pqxx: {
    std::string W = fresh("nt");
    O += ind(I + 1) + "pqxx::nontransaction " + W + "(c);\n" + ind(I + 1) + W +
         ".exec(" + E + ");\n";
    break;
  }
  }
  return O + ind(I) + "}\n";
}

std::string Gen::ifElse(const Scope &S, unsigned I) {
  std::string O = ind(I) + "if (" + cond(S) + ") ";
  O += block(S, I);
  if (C.chance(50)) {
    O.pop_back();
    O += " else " + block(S, I);
  }
  return O;
}

std::string Gen::loop(const Scope &S, unsigned I) {
  Scope In = S;
  In.InLoop = true;
  std::string V = fresh("i");
  switch (C.below(5)) {
  default: {
    const char *const Bounds[] = {"3", "k", "INT_MAX", "1"};
    std::string Head = ind(I) + "for (int " + V + " = 0; " + V + " < " +
                       pick(Bounds) + "; ++" + V + ") ";
    return Head + block(In, I);
  }
  case 1: {
    std::string Head = ind(I) + "while (" + cond(S) + ") ";
    return Head + block(In, I);
  }
  case 2: {
    std::string B = block(In, I);
    B.pop_back();
    return ind(I) + "do " + B + " while (" + atom() + ");\n";
  }
  case 3:
    return ind(I) + "for (const std::string &" + V +
           " : std::vector<std::string>{\"a\", email}) " + block(In, I);
  case 4:
    if (L.AvoidHugeValues)
      return ind(I) + "for (unsigned " + V + " = 9; " + V + " > 6; --" + V +
             ") " + block(In, I);
    return ind(I) + "for (unsigned long long " + V + " = ~0ull; " + V +
           " > ~0ull - 3; --" + V + ") " + block(In, I);
  }
}

std::string Gen::switchOn(const Scope &S, unsigned I) {
  Scope In = S;
  std::string Subject;
  std::vector<std::string> Cases;
  switch (C.below(4)) {
  default:
    Subject = "k";
    Cases = {"0", "1", "-1", "INT_MAX", "INT_MIN"};
    break;
  case 1:
    Subject = "static_cast<unsigned long long>(n)";
    Cases = {"0", "~0ull", "~0ull - 1", "0x8000000000000000ull", "42"};
    break;
  case 2:
    Subject = "m";
    Cases = {"ModeNone", "ModeHigh", "ModeAll"};
    break;
  case 3:
    Subject = "email.size()";
    Cases = {"0", "std::string::npos", "1", "SIZE_MAX - 1"};
    break;
  }
  Cases.erase(std::remove_if(Cases.begin(), Cases.end(),
                             [&](const std::string &V) { return !allowed(V); }),
              Cases.end());
  if (Cases.empty())
    Cases = {"2"};
  // A prefix of the cases, in a rotated order: values stay distinct.
  unsigned Rotate = C.below(unsigned(Cases.size()));
  std::rotate(Cases.begin(), Cases.begin() + Rotate, Cases.end());
  unsigned Count = 1 + C.below(unsigned(Cases.size()));
  std::string O = ind(I) + "switch (" + Subject + ") {\n";
  for (unsigned K = 0; K < Count; ++K) {
    O += ind(I) + "case " + Cases[K] + ": " + block(In, I + 1);
    // [[fallthrough]] must come right before a case label.
    bool Last = K + 1 == Count;
    if (!Last && C.chance(50))
      O += ind(I + 1) + "[[fallthrough]];\n";
    else
      O += ind(I + 1) + "break;\n";
  }
  if (Count < Cases.size() || C.chance(60))
    O += ind(I) + "default: " + block(In, I + 1);
  return O + ind(I) + "}\n";
}

std::string Gen::gotoJump(const Scope &S, unsigned I) {
  std::string Label = fresh("L");
  if (C.chance(50)) { // forward, over a block
    std::string Test = cond(S);
    return ind(I) + "{\n" + ind(I + 1) + "if (" + Test + ") goto " + Label +
           ";\n" + ind(I + 1) + block(S, I + 1) + ind(I) + Label + ":;\n" +
           ind(I) + "}\n";
  }
  std::string Tries = fresh("tries");
  std::string Body = block(S, I + 1);
  return ind(I) + "{\n" + ind(I + 1) + "int " + Tries + " = 0;\n" + ind(I) +
         Label + ":\n" + ind(I + 1) + "++" + Tries + ";\n" + ind(I + 1) +
         Body + ind(I + 1) + "if (" + Tries + " < 3 && " + cond(S) +
         ") goto " + Label + ";\n" + ind(I) + "}\n";
}

std::string Gen::tryCatch(const Scope &S, unsigned I) {
  std::string Ex = fresh("ex");
  std::string Body = block(S, I);
  if (C.chance(30)) {
    Body.pop_back();
    Body.pop_back(); // "}\n"
    Body += ind(I + 1) + "if (" + atom() +
            ") throw std::runtime_error(\"retry\");\n" + ind(I) + "}\n";
  }
  Body.pop_back();
  std::string O = ind(I) + "try " + Body;
  if (A == Api::Pqxx && C.chance(60)) {
    std::string Handler = block(S, I);
    Handler.pop_back();
    O += " catch (const pqxx::unique_violation &) " + Handler;
  }
  std::string H = block(S, I);
  H.pop_back();
  O += " catch (const std::exception &" + Ex + ") " + H;
  if (C.chance(40)) {
    std::string Any = block(S, I);
    Any.pop_back();
    O += " catch (...) " + Any;
  }
  return O + "\n";
}

std::string Gen::lambda(const Scope &S, unsigned I) {
  Scope In = S;
  In.InLambda = true;
  In.InLoop = false;
  std::string V = fresh("fn");
  unsigned Form = C.below(3);
  TemplateDepth += Form == 1;
  std::string Body = block(In, I);
  TemplateDepth -= Form == 1;
  Body.pop_back();
  switch (Form) {
  default:
    return ind(I) + "auto " + V + " = [&](int " + V + "arg) " + Body +
           ";\n" + ind(I) + V + "(k);\n";
  case 1:
    return ind(I) + "auto " + V + " = [&](auto " + V + "arg) " + Body +
           ";\n" + ind(I) + V + "(~0ull);\n" + ind(I) + V + "(email);\n";
  case 2:
    return ind(I) + "[&]() " + Body + "();\n";
  }
}

std::string Gen::call(unsigned I) {
  if (Callables.empty())
    return execute(I);
  std::string Call = Callables[C.below(unsigned(Callables.size()))];
  size_t P = Call.find("CONN");
  Call.replace(P, 4, conn());
  return ind(I) + "(void)" + Call + ";\n";
}

std::string Gen::integers(const Scope &S, unsigned I) {
  std::string V = fresh("u");
  const char *const Types[] = {"const unsigned long long", "unsigned long long",
                               "const long long", "unsigned __int128",
                               "const __int128", "const std::size_t", "auto"};
  const char *const Ops[] = {"+ 1", "- 1", "& 0xff", "^ ~0ull", "* 2",
                             "/ 3", "% 7", ">> 1", "| 1", "+ LLONG_MAX"};
  const char *const Cmps[] = {"<", "<=", ">", ">=", "==", "!="};
  std::string Type = pick(Types);
  std::string O = ind(I) + "{\n" + ind(I + 1) + Type + " " + V + " = " +
                  hugeConstant() + ";\n";
  std::string Expr;
  switch (C.below(4)) {
  default:
    Expr = V;
    break;
  case 1:
    Expr = "(" + V + " " + pick(Ops) + ")";
    break;
  case 2:
    // Negating or complementing a small unsigned value makes a huge one.
    Expr = L.AvoidHugeValues ? "(" + V + " / 2)"
                             : std::string(C.chance(50) ? "-" : "~") + V;
    break;
  case 3: {
    const char *const WithN[] = {"+", "-", "&", "^", "*", "|"};
    Expr = "(" + V + " " + pick(WithN) + " n)";
    break;
  }
  }
  std::string Cmp = pick(Cmps);
  std::string Rhs = hugeConstant();
  O += ind(I + 1) + "if (" + Expr + " " + Cmp + " " + Rhs + ") ";
  O += block(S, I + 1);
  return O + ind(I) + "}\n";
}

std::string Gen::earlyExit(const Scope &S, unsigned I) {
  if (S.InLoop && C.chance(50)) {
    std::string Test = atom();
    return ind(I) + "if (" + Test + ") " +
           (C.chance(50) ? "break;\n" : "continue;\n");
  }
  return ind(I) + "if (" + atom() + ") " +
         (S.InLambda ? "return;\n" : "return -1;\n");
}

std::string Gen::macroUse(unsigned I) {
  std::string Pre;
  const SqlKind Kinds[] = {SqlKind::Begin, SqlKind::End, SqlKind::Insert,
                           SqlKind::Lock};
  SqlKind Kind = Kinds[C.below(4)];
  std::string E = sqlExpr(sqlOf(Kind, C.below(3)), Pre, I + 1);
  std::string Run = std::string("RUN_SQL(") + conn() + ", " + E + ")";
  if (C.chance(40))
    Run = "TWICE(" + Run + ")";
  return ind(I) + "{\n" + Pre + ind(I + 1) + Run + ";\n" + ind(I) + "}\n";
}

} // namespace

Limits limitsFromEnvironment() {
  Limits L;
  if (const char *Avoid = std::getenv("SQLRACE_FUZZ_AVOID")) {
    std::string A = std::string(",") + Avoid + ",";
    L.AvoidHugeValues = A.find(",huge,") != std::string::npos;
    L.AvoidConversionOperators = A.find(",convop,") != std::string::npos;
  }
  return L;
}

Program generateProgram(const uint8_t *Data, size_t Size, const Limits &L) {
  Choices C(Data, Size);
  Gen G(C, L);
  return G.run();
}

} // namespace sqlrace::fuzz
