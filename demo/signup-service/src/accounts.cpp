// Account signup and lookup.
#include "signup/accounts.h"
#include "signup/db.h"

#include <cstdlib>

namespace signup {

namespace {
constexpr const char *FindByEmail = "SELECT id FROM accounts WHERE email = $1";
constexpr const char *InsertAccount = "INSERT INTO accounts(email, display_name) VALUES ($1, $2)";
} // namespace

SignupResult signUp(PGconn *Conn, const std::string &Email, const std::string &DisplayName) {
  // Refuse the signup when the address is already registered...
  const char *Key[] = {Email.c_str()};
  PGresult *Found = PQexecParams(Conn, FindByEmail, 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQresultStatus(Found) != PGRES_TUPLES_OK) {
    PQclear(Found);
    return SignupResult::Failed;
  }
  const bool Taken = PQntuples(Found) > 0;
  PQclear(Found);
  if (Taken)
    return SignupResult::EmailTaken;

  // ...otherwise create the account. Another signup for the same address can
  // run between the SELECT above and this INSERT.
  const char *Row[] = {Email.c_str(), DisplayName.c_str()};
  PGresult *Inserted = PQexecParams(Conn, InsertAccount, 2, nullptr, Row, nullptr, nullptr, 0);
  const bool Ok = PQresultStatus(Inserted) == PGRES_COMMAND_OK;
  PQclear(Inserted);
  return Ok ? SignupResult::Created : SignupResult::Failed;
}

std::optional<long> findAccount(PGconn *Conn, const std::string &Email) {
  const char *Key[] = {Email.c_str()};
  PgResult Res(PQexecParams(Conn, FindByEmail, 1, nullptr, Key, nullptr, nullptr, 0));
  if (!Res.ok() || PQntuples(Res.get()) == 0)
    return std::nullopt;
  return std::strtol(PQgetvalue(Res.get(), 0, 0), nullptr, 10);
}

} // namespace signup
