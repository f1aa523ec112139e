// Clean for this check: bookings' unique index is partial (WHERE
// cancelled = 0), and this check on (room, night) does not restate the
// predicate, so the index does not cover it. The pair is reported as a plain
// check-then-insert.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void openSchema(sqlite3 *Db) {
  sqlite3_exec(Db, "CREATE TABLE IF NOT EXISTS bookings (id INTEGER PRIMARY KEY, room TEXT, night TEXT, cancelled INTEGER DEFAULT 0)",
               nullptr, nullptr, nullptr);
  sqlite3_exec(Db, "CREATE UNIQUE INDEX IF NOT EXISTS bookings_live ON bookings(room, night) WHERE cancelled = 0", nullptr,
               nullptr, nullptr);
}

void book(sqlite3 *Db, const char *Room, const char *Night) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT id FROM bookings WHERE room = ?1 AND night = ?2", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Room, -1, SQLITE_STATIC);
  sqlite3_bind_text(Find, 2, Night, -1, SQLITE_STATIC);
  // note: sqlrace-check-then-insert existence of a 'bookings' row checked here, keyed on (room, night)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO bookings(room, night) VALUES (?1, ?2)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Room, -1, SQLITE_STATIC);
    sqlite3_bind_text(Add, 2, Night, -1, SQLITE_STATIC);
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'bookings' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO bookings(room, night) VALUES (?1, ?2) ON CONFLICT (room, night) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on bookings (room, night)
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
}
