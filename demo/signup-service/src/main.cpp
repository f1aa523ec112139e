// Command-line front end of the demo service:
//   signup-service signup EMAIL NAME
//   signup-service login EMAIL TOKEN
//   signup-service view PAGE
//   signup-service reserve SKU QUANTITY
// PostgreSQL is reached through $DATABASE_URL (libpq conninfo); page views are
// kept in the SQLite file named by $COUNTERS_DB (default counters.db).
#include "signup/accounts.h"
#include "signup/counters.h"
#include "signup/db.h"
#include "signup/sessions.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

int usage() {
  std::fputs("usage: signup-service signup EMAIL NAME | login EMAIL TOKEN | view PAGE | reserve SKU QUANTITY\n",
             stderr);
  return 2;
}

std::string envOr(const char *Name, const char *Default) {
  const char *Value = std::getenv(Name);
  return Value ? Value : Default;
}

int withPostgres(int (*Body)(PGconn *, char **), char **Args) {
  std::string Error;
  PGconn *Conn = signup::connectPostgres(envOr("DATABASE_URL", ""), Error);
  if (!Conn) {
    std::fprintf(stderr, "signup-service: %s", Error.c_str());
    return 1;
  }
  const int Rc = Body(Conn, Args);
  PQfinish(Conn);
  return Rc;
}

int runSignup(PGconn *Conn, char **Args) {
  switch (signup::signUp(Conn, Args[0], Args[1])) {
  case signup::SignupResult::Created:
    std::puts("created");
    return 0;
  case signup::SignupResult::EmailTaken:
    std::puts("email already registered");
    return 1;
  case signup::SignupResult::Failed:
    break;
  }
  std::fprintf(stderr, "signup failed: %s", PQerrorMessage(Conn));
  return 1;
}

int runLogin(PGconn *Conn, char **Args) {
  const std::optional<long> Account = signup::findAccount(Conn, Args[0]);
  if (!Account) {
    std::puts("no such account");
    return 1;
  }
  return signup::openSession(Conn, Args[1], *Account) && signup::touchSession(Conn, Args[1]) ? 0 : 1;
}

int runReserve(PGconn *Conn, char **Args) {
  const bool Ok = signup::reserveStock(Conn, Args[0], std::atoi(Args[1]));
  std::puts(Ok ? "reserved" : "not enough stock");
  return Ok ? 0 : 1;
}

int runView(char **Args) {
  std::string Error;
  sqlite3 *Db = signup::openCounterStore(envOr("COUNTERS_DB", "counters.db"), Error);
  if (!Db) {
    std::fprintf(stderr, "signup-service: %s\n", Error.c_str());
    return 1;
  }
  std::printf("%ld\n", signup::recordPageView(Db, Args[0]));
  sqlite3_close(Db);
  return 0;
}

} // namespace

int main(int Argc, char **Argv) {
  if (Argc < 3)
    return usage();
  const std::string Command = Argv[1];
  if (Command == "signup" && Argc == 4)
    return withPostgres(runSignup, Argv + 2);
  if (Command == "login" && Argc == 4)
    return withPostgres(runLogin, Argv + 2);
  if (Command == "reserve" && Argc == 4)
    return withPostgres(runReserve, Argv + 2);
  if (Command == "view" && Argc == 3)
    return runView(Argv + 2);
  return usage();
}
