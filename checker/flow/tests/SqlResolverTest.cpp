//===- SqlResolverTest.cpp - sqlrace --------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// SQL rebuilt from C++ expressions. Each snippet is compiled against the
// real headers (libstdc++, {fmt}, Qt 5) and has exactly one call `run(...)`;
// the text resolved for its argument must equal the expectation exactly,
// with each hole written as '?'.
//===----------------------------------------------------------------------===//
#include "SqlResolver.h"
#include "SqlResolverInternal.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace sqlrace;

namespace {

enum class Lib { Std, Fmt, Qt };

const char *StdPrelude = R"cpp(#include <cstdio>
#include <cstring>
#include <sstream>
#include <string>
#include <string_view>
void run(const char *);
void run(const wchar_t *);
void run(const char16_t *);
void run(const std::string &);
void run(std::string_view);
)cpp";

const char *FmtPrelude = "#include <fmt/format.h>\n";

const char *QtPrelude = R"cpp(#include <QByteArray>
#include <QString>
void run(const QString &);
)cpp";

// The argument of the single call to `run` in the main file.
struct RunFinder : clang::RecursiveASTVisitor<RunFinder> {
  clang::SourceManager &SM;
  std::vector<const clang::Expr *> Args;
  explicit RunFinder(clang::SourceManager &SM) : SM(SM) {}
  bool VisitCallExpr(clang::CallExpr *Call) {
    const clang::FunctionDecl *FD = Call->getDirectCallee();
    if (FD && FD->getIdentifier() && FD->getName() == "run" &&
        Call->getNumArgs() == 1 && SM.isInMainFile(Call->getBeginLoc()))
      Args.push_back(Call->getArg(0));
    return true;
  }
};

std::string shown(std::string Text) {
  std::replace(Text.begin(), Text.end(), sql::HoleChar, '?');
  return Text;
}

std::string resolve(llvm::StringRef Body, Lib L = Lib::Std) {
  std::vector<std::string> Args = {"-std=c++17",
                                   "-resource-dir=" SQLRACE_CLANG_RESOURCE_DIR};
  std::string Code = StdPrelude;
  if (L == Lib::Fmt)
    Code += FmtPrelude;
  if (L == Lib::Qt) {
    Code += QtPrelude;
    llvm::SmallVector<llvm::StringRef, 8> Flags;
    llvm::StringRef(SQLRACE_QT5CORE_CFLAGS).split(Flags, ' ', -1, false);
    for (llvm::StringRef F : Flags)
      Args.push_back(F.str());
    Args.push_back("-fPIC"); // Qt 5 refuses to compile without it
  }
  Code += Body;
  std::unique_ptr<clang::ASTUnit> AST =
      clang::tooling::buildASTFromCodeWithArgs(Code, Args, "input.cpp");
  if (!AST)
    return "<no AST>";
  // A snippet that does not compile would make any expectation vacuous.
  if (AST->getDiagnostics().hasErrorOccurred())
    return "<compile error>";
  clang::ASTContext &Ctx = AST->getASTContext();
  RunFinder Finder(Ctx.getSourceManager());
  Finder.TraverseAST(Ctx);
  if (Finder.Args.size() != 1)
    return "<" + std::to_string(Finder.Args.size()) + " calls to run>";
  return shown(flow::resolveSqlText(Finder.Args[0], Ctx));
}

std::string resolveFmt(llvm::StringRef Body) { return resolve(Body, Lib::Fmt); }
std::string resolveQt(llvm::StringRef Body) { return resolve(Body, Lib::Qt); }

//// String literals

TEST(SqlResolver, PlainLiteral) {
  EXPECT_EQ(resolve(R"cpp(void f() { run("SELECT 1 FROM users"); })cpp"),
            "SELECT 1 FROM users");
}

TEST(SqlResolver, AdjacentLiteralsAndMacro) {
  EXPECT_EQ(resolve(R"cpp(
#define TABLE "users"
void f() { run("SELECT 1 " "FROM " TABLE " WHERE a = $1"); })cpp"),
            "SELECT 1 FROM users WHERE a = $1");
}

TEST(SqlResolver, RawLiteral) {
  EXPECT_EQ(resolve(R"cpp(void f() { run(R"sql(SELECT "a" FROM t)sql"); })cpp"),
            "SELECT \"a\" FROM t");
}

TEST(SqlResolver, Utf8Literal) {
  EXPECT_EQ(resolve(R"cpp(void f() { run(u8"SELECT 'é' FROM t"); })cpp"),
            "SELECT 'é' FROM t");
}

TEST(SqlResolver, WideLiteral) {
  EXPECT_EQ(resolve(R"cpp(void f() { run(L"SELECT 'é' FROM t"); })cpp"),
            "SELECT 'é' FROM t");
}

TEST(SqlResolver, Utf16LiteralOutsideTheBmp) {
  EXPECT_EQ(resolve(R"cpp(void f() { run(u"SELECT '😀'"); })cpp"),
            "SELECT '😀'");
}

TEST(SqlResolver, StringAndStringViewLiteralOperators) {
  EXPECT_EQ(resolve(R"cpp(using namespace std::literals;
void f() { run("SELECT 1"s + " FROM t"s + std::string(" WHERE a = 1"sv)); })cpp"),
            "SELECT 1 FROM t WHERE a = 1");
}

//// Constants

TEST(SqlResolver, ConstexprPointer) {
  EXPECT_EQ(resolve(R"cpp(constexpr const char *Find = "SELECT 1 FROM t";
void f() { run(Find); })cpp"),
            "SELECT 1 FROM t");
}

TEST(SqlResolver, ConstCharArray) {
  EXPECT_EQ(resolve(R"cpp(static const char Find[] = "SELECT 1 FROM t";
void f() { run(Find); })cpp"),
            "SELECT 1 FROM t");
}

TEST(SqlResolver, StaticConstexprMember) {
  EXPECT_EQ(resolve(R"cpp(struct Repo {
  static constexpr const char *Find = "SELECT 1 FROM users";
  void f() { run(Find); }
};)cpp"),
            "SELECT 1 FROM users");
}

TEST(SqlResolver, StaticMemberThroughObject) {
  EXPECT_EQ(
      resolve(
          R"cpp(struct Repo { static constexpr const char *Find = "SELECT 1"; };
void f(Repo &R) { run(R.Find); })cpp"),
      "SELECT 1");
}

TEST(SqlResolver, StaticConstStdStringGlobal) {
  EXPECT_EQ(resolve(R"cpp(static const std::string Find = "SELECT 1 " "FROM t";
void f() { run(Find); })cpp"),
            "SELECT 1 FROM t");
}

TEST(SqlResolver, StaticConstStringMemberDefinedOutOfLine) {
  EXPECT_EQ(resolve(R"cpp(struct Repo { static const std::string Find; };
const std::string Repo::Find = std::string("SELECT 1 ") + "FROM t";
void f() { run(Repo::Find); })cpp"),
            "SELECT 1 FROM t");
}

TEST(SqlResolver, ConstLocalsConcatenated) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  const std::string Table = "users";
  const std::string Find = "SELECT 1 FROM " + Table + " WHERE email = $1";
  run(Find);
})cpp"),
            "SELECT 1 FROM users WHERE email = $1");
}

TEST(SqlResolver, NonConstGlobalIsAHole) {
  EXPECT_EQ(resolve(R"cpp(const char *Find = "SELECT 1 FROM t";
void f() { run(Find); })cpp"),
            "?");
}

TEST(SqlResolver, ParameterIsAHole) {
  EXPECT_EQ(resolve(R"cpp(void f(const char *const Sql) { run(Sql); })cpp"),
            "?");
}

TEST(SqlResolver, ParameterInsideConcatenation) {
  EXPECT_EQ(
      resolve(
          R"cpp(void f(const std::string &Table) { run("SELECT 1 FROM " + Table + " LIMIT 1"); })cpp"),
      "SELECT 1 FROM ? LIMIT 1");
}

TEST(SqlResolver, ConditionalOperator) {
  EXPECT_EQ(resolve(R"cpp(constexpr bool Pg = true;
void f(bool B) { run(std::string(Pg ? "$1" : ":1") + (B ? " x" : " y")); })cpp"),
            "$1?");
}

//// Functions returning text

TEST(SqlResolver, FunctionReturningConstant) {
  EXPECT_EQ(resolve(R"cpp(const char *table() { return "users"; }
void f() { run(std::string("SELECT 1 FROM ") + table()); })cpp"),
            "SELECT 1 FROM users");
}

TEST(SqlResolver, FunctionParametersBoundToArguments) {
  EXPECT_EQ(
      resolve(R"cpp(std::string from(const std::string &T, const char *W) {
  return " FROM " + T + " WHERE " + W;
}
void f(const char *Col) { run("SELECT 1" + from("users", Col)); })cpp"),
      "SELECT 1 FROM users WHERE ?");
}

TEST(SqlResolver, MethodReturningConstant) {
  EXPECT_EQ(
      resolve(
          R"cpp(struct Repo { const char *sql() const { return "SELECT 1"; } };
void f(const Repo &R) { run(R.sql()); })cpp"),
      "SELECT 1");
}

TEST(SqlResolver, VirtualMethodIsAHoleUnlessFinal) {
  EXPECT_EQ(
      resolve(
          R"cpp(struct Base { virtual const char *sql() const { return "a"; } };
struct Leaf final : Base { const char *sql() const override { return "b"; } };
void f(const Base &B, const Leaf &L) { run(std::string(B.sql()) + L.sql()); })cpp"),
      "?b");
}

TEST(SqlResolver, FunctionWithLongerBodyIsAHole) {
  EXPECT_EQ(resolve(R"cpp(int Calls;
const char *sql() { ++Calls; return "SELECT 1"; }
void f() { run(sql()); })cpp"),
            "?");
}

TEST(SqlResolver, RecursionIsBounded) {
  std::string Text =
      resolve(R"cpp(std::string sql(int N) { return "x" + sql(N); }
void f() { run(sql(1)); })cpp");
  // As many x as the depth limit allows, then what is left unknown.
  EXPECT_EQ(Text, std::string(flow::detail::Resolver::MaxDepth, 'x') + "?");
}

//// Local std::string along the path

TEST(SqlResolver, AppendsAlongThePath) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  std::string Sql = "SELECT 1";
  Sql += " FROM users";
  Sql.append(" WHERE email = $1").append(" LIMIT 1");
  run(Sql);
})cpp"),
            "SELECT 1 FROM users WHERE email = $1 LIMIT 1");
}

TEST(SqlResolver, AssignmentReplacesAndReadsOldValue) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  std::string Sql = "junk";
  Sql = "SELECT 1";
  Sql = Sql + " FROM t";
  run(Sql.c_str());
})cpp"),
            "SELECT 1 FROM t");
}

TEST(SqlResolver, ClearPushBackAndReserve) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  std::string Sql = "junk";
  Sql.clear();
  Sql.reserve(64);
  Sql += "SELECT";
  Sql.push_back(' ');
  Sql += '1';
  run(Sql);
})cpp"),
            "SELECT 1");
}

TEST(SqlResolver, ModificationInABranchIsAHoleAtThatPoint) {
  EXPECT_EQ(resolve(R"cpp(void f(bool ByEmail) {
  std::string Sql = "SELECT 1 FROM users";
  if (ByEmail)
    Sql += " WHERE email = $1";
  Sql += " LIMIT 1";
  run(Sql);
})cpp"),
            "SELECT 1 FROM users? LIMIT 1");
}

TEST(SqlResolver, AssignmentInABranchKeepsOnlyTheCommonPrefix) {
  // The paths join with their longest common prefix, then a hole.
  EXPECT_EQ(resolve(R"cpp(void f(bool Other) {
  std::string Sql = "SELECT 1";
  if (Other)
    Sql = "SELECT 2";
  Sql += " FROM t";
  run(Sql);
})cpp"),
            "SELECT ? FROM t");
  EXPECT_EQ(resolve(R"cpp(void f(bool Other) {
  std::string Sql = "SELECT 1";
  if (Other)
    Sql = "UPDATE t SET a = 1";
  Sql += " FROM t";
  run(Sql);
})cpp"),
            "? FROM t");
}

TEST(SqlResolver, GotoPastAnAppendIsABranch) {
  // The issue's example: the label joins the path that skipped the append.
  EXPECT_EQ(resolve(R"cpp(void f(bool Legacy) {
  std::string Q = "INSERT INTO users (email) VALUES ($1)";
  if (Legacy)
    goto run;
  Q += " ON CONFLICT DO NOTHING";
run:
  run(Q);
})cpp"),
            "INSERT INTO users (email) VALUES ($1)?");
  EXPECT_EQ(resolve(R"cpp(void f(bool Legacy) {
  std::string Q = "INSERT INTO users (email) VALUES ($1)";
  if (Legacy)
    goto out;
  Q += " ON CONFLICT DO NOTHING";
  run(Q);
out:
  return;
})cpp"),
            "INSERT INTO users (email) VALUES ($1) ON CONFLICT DO NOTHING");
}

TEST(SqlResolver, EveryPathAppendingTheSameTextKeepsIt) {
  EXPECT_EQ(resolve(R"cpp(void f(bool A) {
  std::string Q = "SELECT 1";
  if (A)
    Q += " FROM t";
  else
    Q += " FROM t";
  run(Q);
})cpp"),
            "SELECT 1 FROM t");
}

TEST(SqlResolver, AppendsInALoopKeepThePrefix) {
  EXPECT_EQ(resolve(R"cpp(void f(int N) {
  std::string Q = "SELECT a";
  for (int I = 0; I < N; ++I)
    Q += ", b";
  Q += " FROM t";
  run(Q);
})cpp"),
            "SELECT a? FROM t");
}

TEST(SqlResolver, TextStreamOverAStringEscapesIt) {
  // An object built on a writable pointer to the string may write it later.
  EXPECT_EQ(resolve(R"cpp(struct Writer { explicit Writer(std::string *S); void put(const char *); };
void f() {
  std::string Q = "SELECT 1";
  Writer W(&Q);
  W.put(" FROM t");
  Q += " WHERE a = 1";
  run(Q);
})cpp"),
            "?");
}

TEST(SqlResolver, ModificationInALoopIsAHole) {
  EXPECT_EQ(resolve(R"cpp(void f(int N) {
  std::string Sql = "SELECT a";
  for (int I = 0; I < N; ++I)
    Sql += ", b";
  Sql += " FROM t";
  run(Sql);
})cpp"),
            "SELECT a? FROM t");
}

TEST(SqlResolver, BranchThatReturnsDoesNotReachTheUse) {
  EXPECT_EQ(resolve(R"cpp(void f(bool Bad) {
  std::string Sql = "SELECT 1";
  if (Bad) {
    Sql += " junk";
    return;
  }
  Sql += " FROM t";
  run(Sql);
})cpp"),
            "SELECT 1 FROM t");
}

TEST(SqlResolver, StatementsOfTheUsesOwnBranchDominateIt) {
  EXPECT_EQ(resolve(R"cpp(void f(bool B) {
  std::string Sql = "SELECT 1";
  if (B) {
    Sql += " FROM t";
    run(Sql);
  }
})cpp"),
            "SELECT 1 FROM t");
}

TEST(SqlResolver, UseInsideALoopSeesEarlierIterations) {
  EXPECT_EQ(resolve(R"cpp(void f(int N) {
  std::string Sql = "SELECT 1";
  for (int I = 0; I < N; ++I) {
    Sql += " FROM t";
    run(Sql);
    Sql += " x";
  }
})cpp"),
            "SELECT 1? FROM t");
}

TEST(SqlResolver, ModificationAfterTheUseIsIgnored) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  std::string Sql = "SELECT 1";
  run(Sql);
  Sql += " junk";
})cpp"),
            "SELECT 1");
}

TEST(SqlResolver, NonConstReferenceArgumentIsAHole) {
  EXPECT_EQ(resolve(R"cpp(void fill(std::string &);
void f() {
  std::string Sql = "SELECT 1";
  fill(Sql);
  Sql += " FROM t";
  run(Sql);
})cpp"),
            "? FROM t");
}

TEST(SqlResolver, ConstReferenceArgumentKeepsTheText) {
  EXPECT_EQ(resolve(R"cpp(void log(const std::string &);
void f() {
  std::string Sql = "SELECT 1";
  log(Sql);
  run(Sql);
})cpp"),
            "SELECT 1");
}

TEST(SqlResolver, UnknownMutatingMethodIsAHole) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  std::string Sql = "SELECT 1";
  Sql.insert(0, "x");
  run(Sql);
})cpp"),
            "?");
}

TEST(SqlResolver, WritableAliasIsAHole) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  std::string Sql = "SELECT 1";
  std::string &Alias = Sql;
  Alias += " FROM t";
  run(Sql);
})cpp"),
            "?");
}

TEST(SqlResolver, SwitchCasesReachTheUseByTheirEdges) {
  EXPECT_EQ(resolve(R"cpp(void f(int K) {
  std::string Sql = "SELECT 1";
  switch (K) {
  case 1:
    Sql += " FROM a";
    break;
  default:
    run(Sql);
  }
})cpp"),
            "SELECT 1");
  // Falling through from a case that appended: both paths reach the use.
  EXPECT_EQ(resolve(R"cpp(void f(int K) {
  std::string Sql = "SELECT 1";
  switch (K) {
  case 1:
    Sql += " FROM a";
    [[fallthrough]];
  default:
    run(Sql);
  }
})cpp"),
            "SELECT 1?");
}

TEST(SqlResolver, LambdaCapturingByCopy) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  std::string Sql = "SELECT 1";
  auto Go = [Sql] { run(Sql); };
  Go();
})cpp"),
            "SELECT 1");
}

TEST(SqlResolver, LongConcatenationChain) {
  EXPECT_EQ(resolve(R"cpp(void f(const std::string &P) {
  run(std::string("a") + "b" + "c" + "d" + "e" + "f" + "g" + "h" + "i" + "j" +
      "k" + "l" + "m" + "n" + "o" + "p" + "q" + "r" + "s" + P + "t");
})cpp"),
            "abcdefghijklmnopqrs?t");
}

TEST(SqlResolver, ConstantConditionSelectsTheBranch) {
  EXPECT_EQ(resolve(R"cpp(constexpr bool Verbose = false;
void f() {
  std::string Sql = "SELECT 1";
  if (Verbose)
    Sql += " junk";
  else
    Sql += " FROM t";
  run(Sql);
})cpp"),
            "SELECT 1 FROM t");
}

TEST(SqlResolver, DoWhileZeroMacroRunsOnce) {
  EXPECT_EQ(resolve(R"cpp(#define APPEND(S, X) do { (S) += (X); } while (0)
void f() {
  std::string Sql = "SELECT 1";
  APPEND(Sql, " FROM t");
  run(Sql);
})cpp"),
            "SELECT 1 FROM t");
}

TEST(SqlResolver, PointerReassignedBeforeTheUse) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  const char *Sql = "SELECT 1";
  Sql = "SELECT 2";
  run(Sql);
})cpp"),
            "SELECT 2");
}

//// std::to_string and std::string_view

TEST(SqlResolver, ToStringOfARuntimeValueIsAHole) {
  EXPECT_EQ(resolve(R"cpp(void f(long Id) {
  run("SELECT 1 FROM t WHERE id = " + std::to_string(Id) + " LIMIT 1");
})cpp"),
            "SELECT 1 FROM t WHERE id = ? LIMIT 1");
}

TEST(SqlResolver, StringView) {
  EXPECT_EQ(resolve(R"cpp(constexpr std::string_view Find = "SELECT 1 FROM t";
void f() {
  std::string_view Where = " WHERE a = 1";
  run(std::string(Find) + std::string(Where));
})cpp"),
            "SELECT 1 FROM t WHERE a = 1");
}

//// snprintf, sprintf, strcpy, strcat into a char buffer

TEST(SqlResolver, SnprintfIntoABuffer) {
  EXPECT_EQ(resolve(R"cpp(constexpr const char *Table = "users";
void f(int Id) {
  char Buf[128];
  snprintf(Buf, sizeof Buf, "SELECT %s FROM %s WHERE id = %d", "a", Table, Id);
  run(Buf);
})cpp"),
            "SELECT a FROM users WHERE id = ?");
}

TEST(SqlResolver, SprintfConversions) {
  EXPECT_EQ(resolve(R"cpp(void f(const char *Name) {
  char Buf[128];
  std::sprintf(Buf, "SELECT '100%%', %s, %c, %ld, %zu, %u FROM t LIMIT %d", Name,
               'x', 5L, sizeof(int), 7u, 10);
  run(Buf);
})cpp"),
            "SELECT '100%', ?, x, 5, 4, 7 FROM t LIMIT 10");
}

TEST(SqlResolver, PrintfWidthAndPrecisionAreHoles) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  char Buf[128];
  sprintf(Buf, "SELECT %5d, %.2s, %*d, %f, %s", 1, "abc", 3, 4, 2.5, "end");
  run(Buf);
})cpp"),
            "SELECT ?, ?, ?, ?, end");
}

TEST(SqlResolver, SnprintfInAConditionDominatesTheUse) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  char Buf[64];
  if (snprintf(Buf, sizeof(Buf), "SELECT %s", "1") < 0)
    return;
  run(Buf);
})cpp"),
            "SELECT 1");
}

TEST(SqlResolver, SnprintfInABranchKeepsTheCommonPrefix) {
  EXPECT_EQ(resolve(R"cpp(void f(bool B) {
  char Buf[64] = "SELECT 1";
  if (B)
    snprintf(Buf, sizeof Buf, "SELECT %d", 2);
  run(Buf);
})cpp"),
            "SELECT ?");
}

TEST(SqlResolver, SnprintfTruncatesToTheBufferSize) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  char Buf[9];
  snprintf(Buf, sizeof Buf, "SELECT 1 FROM t");
  run(Buf);
})cpp"),
            "SELECT 1");
}

TEST(SqlResolver, StrcpyAndStrcat) {
  EXPECT_EQ(resolve(R"cpp(void f(const char *Col) {
  char Buf[64] = {0};
  strcpy(Buf, "SELECT ");
  strcat(Buf, Col);
  strcat(Buf, " FROM t");
  run(Buf);
})cpp"),
            "SELECT ? FROM t");
}

TEST(SqlResolver, UninitialisedBufferIsAHole) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  char Buf[64];
  run(Buf);
})cpp"),
            "?");
}

//// {fmt}; std::format is the same rule by name (GCC 12 has no <format>)

TEST(SqlResolver, FmtFormat) {
  EXPECT_EQ(resolveFmt(R"cpp(constexpr const char *Table = "users";
void f(int Id) { run(fmt::format("SELECT {} FROM {} WHERE id = {}", "a", Table, Id)); })cpp"),
            "SELECT a FROM users WHERE id = ?");
}

TEST(SqlResolver, StdFormatByName) {
  // libstdc++ 12 has no <format>: declare the one signature the rule needs.
  EXPECT_EQ(resolve(R"cpp(namespace std {
template <class... A> string format(const char *, A &&...);
}
void f(int Id) { run(std::format("SELECT {} FROM t WHERE id = {}", "a", Id)); })cpp"),
            "SELECT a FROM t WHERE id = ?");
}

TEST(SqlResolver, FmtIndexesEscapesAndConstants) {
  EXPECT_EQ(resolveFmt(R"cpp(void f() {
  run(fmt::format("SELECT '{{x}}', {1}, {0} FROM t LIMIT {2}, {3}", "a", "b", 10, true));
})cpp"),
            "SELECT '{x}', b, a FROM t LIMIT 10, true");
}

TEST(SqlResolver, FmtSpecsThatChangeTheTextAreHoles) {
  EXPECT_EQ(resolveFmt(R"cpp(void f() {
  run(fmt::format("SELECT {:>5}, {:d}, {:s}, {:.2f}", "a", 3, "b", 1.5));
})cpp"),
            "SELECT ?, 3, b, ?");
}

TEST(SqlResolver, FmtResultBuiltOnAlongThePath) {
  EXPECT_EQ(resolveFmt(R"cpp(void f(bool Limit) {
  std::string Sql = fmt::format("SELECT {} FROM t", "a");
  if (Limit)
    Sql += " LIMIT 1";
  Sql += ";";
  run(Sql);
})cpp"),
            "SELECT a FROM t?;");
}

TEST(SqlResolver, FormattingAVariableOnlyReadsIt) {
  EXPECT_EQ(resolveFmt(R"cpp(void log(const std::string &);
void f() {
  std::string Sql = "SELECT 1";
  log(fmt::format("running {}", Sql));
  std::string Moved = std::move(Sql);
  run(Moved);
})cpp"),
            "SELECT 1");
}

TEST(SqlResolver, MovedFromIsAHole) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  std::string Sql = "SELECT 1";
  std::string Moved = std::move(Sql);
  run(Sql);
})cpp"),
            "?");
}

//// std::ostringstream

TEST(SqlResolver, OstringstreamChain) {
  EXPECT_EQ(resolve(R"cpp(void f(int Id) {
  std::ostringstream Os;
  Os << "SELECT a FROM t WHERE id = " << Id << " LIMIT " << 10;
  run(Os.str());
})cpp"),
            "SELECT a FROM t WHERE id = ? LIMIT 10");
}

TEST(SqlResolver, OstringstreamAcrossStatementsAndBranches) {
  EXPECT_EQ(resolve(R"cpp(void f(bool Where) {
  std::ostringstream Os;
  Os << "SELECT 1";
  Os << " FROM t";
  if (Where)
    Os << " WHERE a = 1";
  Os << ';';
  std::string Sql = Os.str();
  run(Sql);
})cpp"),
            "SELECT 1 FROM t?;");
}

TEST(SqlResolver, OstringstreamManipulatorsAndReset) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  std::ostringstream Os;
  Os << "junk";
  Os.str("");
  Os << "SELECT" << ' ' << 1 << std::flush << std::endl;
  run(Os.str());
})cpp"),
            "SELECT 1\n");
}

TEST(SqlResolver, StringstreamCStr) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  std::stringstream Ss;
  Ss << "SELECT " << "1";
  run(Ss.str().c_str());
})cpp"),
            "SELECT 1");
}

TEST(SqlResolver, StreamWithInitialBufferIsAHole) {
  EXPECT_EQ(resolve(R"cpp(void f() {
  std::ostringstream Os("SELECT 2");
  Os << "SELECT 1";
  run(Os.str());
})cpp"),
            "?SELECT 1");
}

//// Qt 5

TEST(SqlResolver, QStringLiteralWithArg) {
  EXPECT_EQ(resolveQt(R"cpp(void f(int Id) {
  run(QStringLiteral("SELECT 1 FROM t WHERE id = %1").arg(Id));
})cpp"),
            "SELECT 1 FROM t WHERE id = ?");
}

TEST(SqlResolver, QStringArgFillsTheLowestMarker) {
  EXPECT_EQ(resolveQt(R"cpp(void f() {
  run(QString("SELECT %2 FROM %1 LIMIT %3").arg("t").arg(QLatin1String("a")).arg(5));
})cpp"),
            "SELECT a FROM t LIMIT 5");
}

TEST(SqlResolver, QStringMultiArg) {
  EXPECT_EQ(resolveQt(R"cpp(void f(const QString &Col) {
  run(QString("SELECT %1, %2 FROM t ORDER BY %1").arg(QStringLiteral("a"), Col));
})cpp"),
            "SELECT a, ? FROM t ORDER BY a");
}

TEST(SqlResolver, QStringArgWithFieldWidthIsAHole) {
  EXPECT_EQ(
      resolveQt(R"cpp(void f() { run(QString("SELECT %1").arg(7, 4)); })cpp"),
      "SELECT ?");
}

TEST(SqlResolver, QLatin1StringAndFromUtf8) {
  EXPECT_EQ(resolveQt(R"cpp(void f() {
  run(QLatin1String("SELECT 1") + QString::fromUtf8(" FROM t") +
      QString::fromLatin1(" WHERE a = 1 junk", 12));
})cpp"),
            "SELECT 1 FROM t WHERE a = 1");
}

TEST(SqlResolver, QStringAlongThePath) {
  EXPECT_EQ(resolveQt(R"cpp(void f(bool Limit) {
  QString Sql = QStringLiteral("SELECT 1");
  Sql += QLatin1String(" FROM t");
  Sql.append(" WHERE a = %1");
  Sql = Sql.arg(3);
  if (Limit)
    Sql.append(" LIMIT 1");
  run(Sql);
})cpp"),
            "SELECT 1 FROM t WHERE a = 3?");
}

TEST(SqlResolver, QByteArrayOfAQString) {
  EXPECT_EQ(resolveQt(R"cpp(void f() {
  run(QString("SELECT 1").toUtf8().constData());
})cpp"),
            "SELECT 1");
}

//// Robustness

TEST(SqlResolver, ValueDependentExpressionInATemplateIsAHole) {
  EXPECT_EQ(resolve(R"cpp(template <int N> void f() {
  const char *Tables[] = {"a", "b"};
  run(std::string("SELECT 1 FROM ") + Tables[N]);
}
template void f<1>();)cpp"),
            "SELECT 1 FROM ?");
}

TEST(SqlResolver, RunawayTextIsAHole) {
  // 2 << 20 characters: past Resolver::MaxText (1 MiB).
  std::string Doublings;
  for (int I = 0; I < 20; ++I)
    Doublings += "  Sql += Sql;\n";
  EXPECT_EQ(resolve("void f() {\n  std::string Sql = \"ab\";\n" + Doublings +
                    "  run(Sql);\n}\n"),
            "?");
}

TEST(SqlResolver, UnknownCallIsAHole) {
  EXPECT_EQ(resolve(R"cpp(std::string where();
void f() { run("SELECT 1 FROM t" + where()); })cpp"),
            "SELECT 1 FROM t?");
}

//// The format languages on their own

TEST(SqlFormat, PrintfArgumentsAreCountedPastHoles) {
  using namespace flow::detail;
  std::string Out = expandPrintf(
      "%*d %s %% %", [](unsigned I, char C) { return std::to_string(I) + C; });
  EXPECT_EQ(shown(Out), "? 2s % ?");
}

TEST(SqlFormat, BracesWithDynamicWidthConsumeAnArgument) {
  using namespace flow::detail;
  std::string Out = expandBraces("{:{}} {} {name} }}",
                                 [](unsigned I) { return std::to_string(I); });
  EXPECT_EQ(shown(Out), "? 2 ? }");
}

TEST(SqlFormat, QtMarkersWithTwoDigitsAndLocale) {
  using namespace flow::detail;
  EXPECT_EQ(expandQtArg("%10 %L2 %2 %", {"a"}), "%10 a a %");
  EXPECT_EQ(expandQtArg("%10 %2", {"a", "b"}), "b a");
}

} // namespace
