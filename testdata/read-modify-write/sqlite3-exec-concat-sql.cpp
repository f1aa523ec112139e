// Racy: the remaining seats are read with a prepared SELECT and the new count
// is pasted into an UPDATE run by sqlite3_exec(). Two bookings that read 2
// both write 1, and the show is overbooked.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>
#include <string>

void bookSeat(sqlite3 *Db, int ShowId) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT seats_left FROM shows WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int(Read, 1, ShowId);
  // note: sqlrace-read-modify-write 'seats_left' read from 'shows' here, keyed on (id)
  if (sqlite3_step(Read) != SQLITE_ROW) {
    sqlite3_finalize(Read);
    return;
  }
  const int SeatsLeft = sqlite3_column_int(Read, 0);
  sqlite3_finalize(Read);
  const std::string Sql = "UPDATE shows SET seats_left = " + std::to_string(SeatsLeft - 1) + " WHERE id = " + std::to_string(ShowId);
  // expect: sqlrace-read-modify-write update of 'shows.seats_left' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET seats_left = seats_left + <change>), or read and write the row inside one BEGIN IMMEDIATE transaction
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
}
