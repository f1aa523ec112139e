// Racy: an idempotency key is looked up; on SQLITE_ROW the stored response is
// replayed, otherwise (the else branch) the key is recorded with an INSERT.
// Two retries of the same request can both miss the key and both record it,
// so the side effect the key protects runs twice.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>
#include <string>

constexpr const char *FindKey = "SELECT response FROM idempotency_keys WHERE key = ?";
constexpr const char *SaveKey = "INSERT INTO idempotency_keys(key, response) VALUES (?, ?)";

std::string handleRequest(sqlite3 *Db, const std::string &Key, const std::string &Fresh) {
  std::string Response;
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, FindKey, -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Key.c_str(), -1, SQLITE_TRANSIENT);
  // note: sqlrace-check-then-insert existence of a 'idempotency_keys' row checked here, keyed on (key)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (sqlite3_step(Find) == SQLITE_ROW) {
    Response = reinterpret_cast<const char *>(sqlite3_column_text(Find, 0));
  } else {
    sqlite3_stmt *Save = nullptr;
    sqlite3_prepare_v2(Db, SaveKey, -1, &Save, nullptr);
    sqlite3_bind_text(Save, 1, Key.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(Save, 2, Fresh.c_str(), -1, SQLITE_TRANSIENT);
    // expect: sqlrace-check-then-insert insert into 'idempotency_keys' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling...*
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO idempotency_keys(key, response) VALUES (?, ?) ON CONFLICT (key) DO NOTHING...*
    sqlite3_step(Save);
    sqlite3_finalize(Save);
    Response = Fresh;
  }
  sqlite3_finalize(Find);
  return Response;
}
