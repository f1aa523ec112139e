// Racy: a feature flag is created with default settings when it is missing.
// Both statements are plain PQexec() calls whose SQL is a std::string built
// from literals, and the check is written !PQntuples(res). Two service
// instances starting together can both find no row and both insert.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

void ensureDarkModeFlag(PGconn *Conn) {
  const std::string Find = std::string("SELECT 1 FROM feature_flags ") + "WHERE name = 'dark_mode'";
  const std::string Add = std::string("INSERT INTO feature_flags(name, enabled) ") + "VALUES ('dark_mode', false)";
  // note: sqlrace-check-then-insert existence of a 'feature_flags' row checked here, keyed on (name)
  PGresult *Res = PQexec(Conn, Find.c_str());
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!PQntuples(Res)) {
    // expect: sqlrace-check-then-insert insert into 'feature_flags' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO feature_flags(name, enabled) VALUES ('dark_mode', false) ON CONFLICT (name) DO NOTHING, backed by a UNIQUE constraint on feature_flags (name)
    PQclear(PQexec(Conn, Add.c_str()));
  }
  PQclear(Res);
}
