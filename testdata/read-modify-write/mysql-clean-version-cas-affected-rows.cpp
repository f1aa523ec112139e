// Clean: optimistic concurrency. The new body is written only if the version
// is still the one read (AND version = %ld), the SET always changes the row
// (version = version + 1, so mysql_affected_rows() cannot report 0 for a
// no-op write), and mysql_affected_rows() decides: 0 means another editor
// saved first, and the caller re-reads and retries.
// REQUIRES: pkg(libmariadb)
#include <cstdlib>
#include <mysql.h>
#include <string>

bool appendLine(MYSQL *Conn, long NoteId, const std::string &Line) {
  const std::string Id = std::to_string(NoteId);
  mysql_query(Conn, ("SELECT body, version FROM notes WHERE id = " + Id).c_str());
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  if (Row == nullptr) {
    mysql_free_result(Res);
    return false;
  }
  std::string Body = Row[0];
  const long Version = atol(Row[1]);
  mysql_free_result(Res);
  Body += "\n" + Line;
  char Escaped[4096];
  mysql_real_escape_string(Conn, Escaped, Body.c_str(), Body.size() < 2000 ? Body.size() : 2000);
  const std::string Update = "UPDATE notes SET body = '" + std::string(Escaped) + "', version = version + 1 WHERE id = " + Id + " AND version = " + std::to_string(Version);
  // ok: sqlrace-read-modify-write
  if (mysql_query(Conn, Update.c_str()) != 0)
    return false;
  return mysql_affected_rows(Conn) == 1;
}
