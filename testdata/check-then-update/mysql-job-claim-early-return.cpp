// Racy: a worker claims a queued job. It returns early unless the state read
// from the fetched row is "queued", then sets state = 'running' with an
// UPDATE built with std::string. Two workers polling together both see
// "queued" and both run the job.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>
#include <string>

bool claimJob(MYSQL *Conn, long JobId, long WorkerId) {
  const std::string Id = std::to_string(JobId);
  // note: sqlrace-check-then-update 'jobs' row read here, keyed on (id)
  // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, ("SELECT state FROM jobs WHERE id = " + Id).c_str());
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  if (!Row) {
    mysql_free_result(Res);
    return false;
  }
  const std::string State = Row[0];
  mysql_free_result(Res);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (State != "queued")
    return false;
  const std::string Update = "UPDATE jobs SET state = 'running', worker_id = " + std::to_string(WorkerId) + " WHERE id = " + Id;
  // expect: sqlrace-check-then-update update of 'jobs' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-check-then-update SQL partly unknown at analysis time
  return mysql_query(Conn, Update.c_str()) == 0;
}
