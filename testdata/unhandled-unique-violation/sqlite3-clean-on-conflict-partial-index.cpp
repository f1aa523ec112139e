// Clean: the booking INSERT is ON CONFLICT (room, night) WHERE cancelled = 0
// DO NOTHING, which names the partial unique index and its predicate. A
// concurrent booking of the same room and night makes it a no-op.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void openSchema(sqlite3 *Db) {
  sqlite3_exec(Db, "CREATE TABLE IF NOT EXISTS bookings (id INTEGER PRIMARY KEY, room TEXT, night TEXT, cancelled INTEGER DEFAULT 0)",
               nullptr, nullptr, nullptr);
  sqlite3_exec(Db, "CREATE UNIQUE INDEX IF NOT EXISTS bookings_live ON bookings(room, night) WHERE cancelled = 0", nullptr,
               nullptr, nullptr);
}

bool book(sqlite3 *Db, const char *Room, const char *Night) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT id FROM bookings WHERE room = ?1 AND night = ?2 AND cancelled = 0", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Room, -1, SQLITE_STATIC);
  sqlite3_bind_text(Find, 2, Night, -1, SQLITE_STATIC);
  bool Booked = false;
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db,
                       "INSERT INTO bookings(room, night, cancelled) VALUES (?1, ?2, 0) "
                       "ON CONFLICT (room, night) WHERE cancelled = 0 DO NOTHING",
                       -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Room, -1, SQLITE_STATIC);
    sqlite3_bind_text(Add, 2, Night, -1, SQLITE_STATIC);
    // ok: sqlrace-unhandled-unique-violation
    sqlite3_step(Add);
    Booked = sqlite3_changes(Db) == 1;
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
  return Booked;
}
