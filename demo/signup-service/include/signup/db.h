// Small helpers around libpq and SQLite handles shared by the service modules.
#ifndef SIGNUP_DB_H
#define SIGNUP_DB_H

#include <libpq-fe.h>
#include <sqlite3.h>
#include <string>

namespace signup {

/// Owns a PGresult and frees it with PQclear.
class PgResult {
public:
  explicit PgResult(PGresult *Res) : Res(Res) {}
  PgResult(const PgResult &) = delete;
  PgResult &operator=(const PgResult &) = delete;
  ~PgResult() { PQclear(Res); }
  PGresult *get() const { return Res; }
  bool ok() const;

private:
  PGresult *Res;
};

/// Opens the PostgreSQL connection named by Conninfo; nullptr on failure.
PGconn *connectPostgres(const std::string &Conninfo, std::string &Error);

/// Opens (creating if needed) the local SQLite file used for counters.
sqlite3 *openCounterStore(const std::string &Path, std::string &Error);

} // namespace signup

#endif
