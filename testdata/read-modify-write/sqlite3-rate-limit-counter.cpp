// Racy: a rate limiter reads the request count of an API key with
// sqlite3_column_int and stores count + 1. Two requests that read 99 both
// store 100, so the limit of 100 lets extra requests through.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void countRequest(sqlite3 *Db, const char *ApiKey) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT requests FROM rate_limits WHERE api_key = ?", -1, &Read, nullptr);
  sqlite3_bind_text(Read, 1, ApiKey, -1, SQLITE_TRANSIENT);
  int Requests = 0;
  // note: sqlrace-read-modify-write 'requests' read from 'rate_limits' here, keyed on (api_key)
  if (sqlite3_step(Read) == SQLITE_ROW)
    Requests = sqlite3_column_int(Read, 0);
  sqlite3_finalize(Read);

  const int Next = Requests + 1;
  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE rate_limits SET requests = ? WHERE api_key = ?", -1, &Write, nullptr);
  sqlite3_bind_int(Write, 1, Next);
  sqlite3_bind_text(Write, 2, ApiKey, -1, SQLITE_TRANSIENT);
  // expect: sqlrace-read-modify-write update of 'rate_limits.requests' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (SQLite): UPDATE rate_limits SET requests = requests + ? WHERE api_key = ?, binding the change instead of the new value
  sqlite3_step(Write);
  sqlite3_finalize(Write);
}
