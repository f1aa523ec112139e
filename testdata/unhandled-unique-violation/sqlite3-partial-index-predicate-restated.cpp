// Racy: a partial unique index allows one live reservation per room and night
// (WHERE cancelled = 0), and the check restates that predicate, so the index
// covers it. A concurrent booking makes the INSERT fail with
// SQLITE_CONSTRAINT, unhandled; the rewrite keeps the predicate.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void openSchema(sqlite3 *Db) {
  sqlite3_exec(Db, "CREATE TABLE IF NOT EXISTS bookings (id INTEGER PRIMARY KEY, room TEXT, night TEXT, cancelled INTEGER DEFAULT 0)",
               nullptr, nullptr, nullptr);
  // note: sqlrace-unhandled-unique-violation 'bookings_live' UNIQUE (room, night) rejects the duplicate
  sqlite3_exec(Db, "CREATE UNIQUE INDEX IF NOT EXISTS bookings_live ON bookings(room, night) WHERE cancelled = 0", nullptr,
               nullptr, nullptr);
}

void book(sqlite3 *Db, const char *Room, const char *Night) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT id FROM bookings WHERE room = ?1 AND night = ?2 AND cancelled = 0", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Room, -1, SQLITE_STATIC);
  sqlite3_bind_text(Find, 2, Night, -1, SQLITE_STATIC);
  // note: sqlrace-unhandled-unique-violation existence of a 'bookings' row checked here, keyed on (room, night, cancelled)
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO bookings(room, night, cancelled) VALUES (?1, ?2, 0)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Room, -1, SQLITE_STATIC);
    sqlite3_bind_text(Add, 2, Night, -1, SQLITE_STATIC);
    // expect: sqlrace-unhandled-unique-violation insert into 'bookings' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (SQLite): INSERT INTO bookings(room, night, cancelled) VALUES (?1, ?2, 0) ON CONFLICT (room, night) WHERE cancelled = 0 DO NOTHING, then tell a new row from an existing one by the affected-row count
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
}
