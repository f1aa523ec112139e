// Racy: the counter is read by column name (row["unread"]) rather than by
// index; the incremented value is still computed in C++ and written back
// absolutely, so two notifications arriving together count as one.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void notify(pqxx::connection &Conn, int UserId) {
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'unread' read from 'inboxes' here, keyed on (user_id)
  pqxx::result R = W.exec_params("SELECT unread, muted FROM inboxes WHERE user_id = $1", UserId);
  const int Unread = R[0]["unread"].as<int>();
  // expect: sqlrace-read-modify-write update of 'inboxes.unread' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE inboxes SET unread = unread + $2 WHERE user_id = $1, binding the change instead of the new value
  W.exec_params("UPDATE inboxes SET unread = $2 WHERE user_id = $1", UserId, Unread + 1);
  W.commit();
}
