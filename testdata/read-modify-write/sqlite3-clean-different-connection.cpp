// Clean: first-run setup copies a default from the read-only defaults
// database shipped with the app into the user's own database. The read and
// the write use two connections to two files, so the UPDATE does not write
// back the row it read.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void applyDefaultFontSize(sqlite3 *Defaults, sqlite3 *UserDb, int Zoom) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Defaults, "SELECT font_size FROM settings WHERE profile = 'default'", -1, &Read, nullptr);
  int FontSize = 12;
  if (sqlite3_step(Read) == SQLITE_ROW)
    FontSize = sqlite3_column_int(Read, 0);
  sqlite3_finalize(Read);

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(UserDb, "UPDATE settings SET font_size = ? WHERE profile = 'default'", -1, &Write, nullptr);
  sqlite3_bind_int(Write, 1, FontSize + Zoom);
  // ok: sqlrace-read-modify-write
  sqlite3_step(Write);
  sqlite3_finalize(Write);
}
