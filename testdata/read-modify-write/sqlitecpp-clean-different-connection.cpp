// Clean: a one-off migration reads the loyalty points from the legacy
// database and writes the converted value into the new one. The UPDATE runs
// on another SQLite::Database than the SELECT, so it cannot overwrite a
// concurrent change of the row it read.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>

void migratePoints(SQLite::Database &Legacy, SQLite::Database &Current, int MemberId) {
  SQLite::Statement Read(Legacy, "SELECT points FROM members WHERE id = ?");
  Read.bind(1, MemberId);
  if (!Read.executeStep())
    return;
  const int Points = Read.getColumn(0).getInt();

  SQLite::Statement Write(Current, "UPDATE members SET points = ? WHERE id = ?");
  Write.bind(1, Points * 10);
  Write.bind(2, MemberId);
  // ok: sqlrace-read-modify-write
  Write.exec();
}
