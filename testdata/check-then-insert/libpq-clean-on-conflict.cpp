// Clean: the signup still looks the address up first (to give a friendly
// error early), but the INSERT is INSERT ... ON CONFLICT (email) DO NOTHING,
// backed by the UNIQUE constraint on users(email). A concurrent signup that
// wins the race makes this insert a no-op, never a duplicate.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>

bool signUp(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  PGresult *Found = PQexecParams(Conn, "SELECT 1 FROM users WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  bool Created = false;
  if (PQntuples(Found) == 0) {
    // ok: sqlrace-check-then-insert
    PGresult *Added = PQexecParams(Conn, "INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING", 1,
                                   nullptr, Params, nullptr, nullptr, 0);
    Created = atoi(PQcmdTuples(Added)) == 1;
    PQclear(Added);
  }
  PQclear(Found);
  return Created;
}
