// Racy: a page-view counter is read with PQexec() and the incremented value is
// pasted into the UPDATE text with std::to_string. Two requests that read 41
// both write 42: one view is never counted.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

void countView(PGconn *Conn, int PageId) {
  const std::string Id = std::to_string(PageId);
  const std::string Select = "SELECT hits FROM page_views WHERE page_id = " + Id;
  // note: sqlrace-read-modify-write 'hits' read from 'page_views' here, keyed on (page_id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  PGresult *Read = PQexec(Conn, Select.c_str());
  if (PQntuples(Read) != 1) {
    PQclear(Read);
    return;
  }
  long Hits = strtol(PQgetvalue(Read, 0, 0), nullptr, 10);
  PQclear(Read);
  ++Hits;
  const std::string Update = "UPDATE page_views SET hits = " + std::to_string(Hits) + " WHERE page_id = " + Id;
  // expect: sqlrace-read-modify-write update of 'page_views.hits' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET hits = hits + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  PQclear(PQexec(Conn, Update.c_str()));
}
