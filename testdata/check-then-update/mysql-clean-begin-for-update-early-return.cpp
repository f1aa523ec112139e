// Clean: BEGIN, a locking read of the job, an early ROLLBACK unless the job
// is queued, then the claim and COMMIT. A second worker blocks at its own
// FOR UPDATE until this COMMIT and then reads 'running'.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>
#include <string>

bool claimJob(MYSQL *Conn, long JobId, long WorkerId) {
  const std::string Id = std::to_string(JobId);
  mysql_query(Conn, "BEGIN");
  mysql_query(Conn, ("SELECT state FROM jobs WHERE id = " + Id + " FOR UPDATE").c_str());
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const std::string State = Row ? Row[0] : "";
  mysql_free_result(Res);
  if (State != "queued") {
    mysql_query(Conn, "ROLLBACK");
    return false;
  }
  const std::string Update = "UPDATE jobs SET state = 'running', worker_id = " + std::to_string(WorkerId) + " WHERE id = " + Id;
  // ok: sqlrace-check-then-update
  mysql_query(Conn, Update.c_str());
  return mysql_query(Conn, "COMMIT") == 0;
}
