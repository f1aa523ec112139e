// Clean: the legacy path jumps past both the ON CONFLICT append and the
// INSERT (to the label at the end); every path that reaches the INSERT
// appended the clause, so the INSERT is atomic.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

bool signUp(PGconn *Conn, const char *Email, bool Legacy) {
  const char *Params[] = {Email};
  bool Created = false;
  PGresult *Found = PQexecParams(Conn, "SELECT 1 FROM users WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  bool Exists = PQntuples(Found) > 0;
  PQclear(Found);
  if (Exists || Legacy)
    goto done;
  {
    std::string Add = "INSERT INTO users(email) VALUES ($1)";
    Add += " ON CONFLICT (email) DO NOTHING";
    PGresult *Added = PQexecParams(Conn, Add.c_str(), 1, nullptr, Params, nullptr, nullptr, 0);
    Created = PQresultStatus(Added) == PGRES_COMMAND_OK;
    PQclear(Added);
  }
done:
  return Created;
}
