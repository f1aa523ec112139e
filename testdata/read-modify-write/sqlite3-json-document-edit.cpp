// Racy: a user's preferences are a JSON object stored as text. It is read,
// a member is spliced in before the closing brace with string operations,
// and the document is written back: a preference another device saved in
// between is dropped. A document is no number: the note names the
// transaction and the conditional UPDATE, not prefs = prefs + <change>.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>
#include <string>

bool mute(sqlite3 *Db, sqlite3_int64 UserId) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT prefs FROM users WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, UserId);
  // note: sqlrace-read-modify-write 'prefs' read from 'users' here, keyed on (id)
  if (sqlite3_step(Read) != SQLITE_ROW) {
    sqlite3_finalize(Read);
    return false;
  }
  std::string Prefs = reinterpret_cast<const char *>(sqlite3_column_text(Read, 0));
  sqlite3_finalize(Read);
  // Every document is an object holding at least {"v":1}.
  Prefs.insert(Prefs.size() - 1, ",\"muted\":true");

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE users SET prefs = ? WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_text(Write, 1, Prefs.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(Write, 2, UserId);
  // expect: sqlrace-read-modify-write update of 'users.prefs' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read and write the row inside one BEGIN IMMEDIATE transaction, or make the UPDATE conditional on the value read (AND prefs = <value read> in its WHERE) and check how many rows it changed
  const bool Ok = sqlite3_step(Write) == SQLITE_DONE;
  sqlite3_finalize(Write);
  return Ok;
}
