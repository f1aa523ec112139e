// Racy: the counter is read by column name (row["unread"]) rather than by
// index; the incremented value is still computed in C++ and written back
// absolutely, so two notifications arriving together count as one.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void notify(pqxx::connection &Conn, int UserId) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT unread, muted FROM inboxes WHERE user_id = $1", UserId);
  const int Unread = R[0]["unread"].as<int>();
  // expect: sqlrace-read-modify-write update of 'inboxes.unread' writes back a value computed from an earlier read...*
  W.exec_params("UPDATE inboxes SET unread = $2 WHERE user_id = $1", UserId, Unread + 1);
  W.commit();
}
