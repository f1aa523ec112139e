// Connection helpers shared by the service modules.
#include "signup/db.h"

namespace signup {

bool PgResult::ok() const {
  const ExecStatusType Status = PQresultStatus(Res);
  return Status == PGRES_COMMAND_OK || Status == PGRES_TUPLES_OK;
}

PGconn *connectPostgres(const std::string &Conninfo, std::string &Error) {
  PGconn *Conn = PQconnectdb(Conninfo.c_str());
  if (PQstatus(Conn) != CONNECTION_OK) {
    Error = PQerrorMessage(Conn);
    PQfinish(Conn);
    return nullptr;
  }
  return Conn;
}

sqlite3 *openCounterStore(const std::string &Path, std::string &Error) {
  sqlite3 *Db = nullptr;
  if (sqlite3_open(Path.c_str(), &Db) != SQLITE_OK) {
    Error = sqlite3_errmsg(Db);
    sqlite3_close(Db);
    return nullptr;
  }
  sqlite3_busy_timeout(Db, 2000);
  const char *Ddl = "CREATE TABLE IF NOT EXISTS page_views ("
                    "  page  TEXT PRIMARY KEY,"
                    "  views INTEGER NOT NULL DEFAULT 0)";
  char *Message = nullptr;
  if (sqlite3_exec(Db, Ddl, nullptr, nullptr, &Message) != SQLITE_OK) {
    Error = Message ? Message : "cannot create page_views";
    sqlite3_free(Message);
    sqlite3_close(Db);
    return nullptr;
  }
  return Db;
}

} // namespace signup
