// Clean: one atomic statement, nothing for sqlrace to report.
#include <sqlite3.h>

bool addTag(sqlite3 *Db, const char *Name) {
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO tags(name) VALUES (?) ON CONFLICT (name) DO NOTHING", -1,
                     &Add, nullptr);
  sqlite3_bind_text(Add, 1, Name, -1, SQLITE_TRANSIENT);
  const bool Done = sqlite3_step(Add) == SQLITE_DONE;
  sqlite3_finalize(Add);
  return Done;
}
