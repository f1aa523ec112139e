// Racy: a player's rank is read, moved by a delta in C++ and written back;
// two concurrent results for the same player lose one move. The column is
// named `rank`, a reserved word in MySQL 8 that must stay quoted: the
// rewrite and the fix-it name it with its backticks, never bare.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <memory>

bool move(sql::Connection *Con, int PlayerId, int Delta) {
  std::unique_ptr<sql::PreparedStatement> Read(Con->prepareStatement("SELECT `rank` FROM players WHERE id = ?"));
  Read->setInt(1, PlayerId);
  // note: sqlrace-read-modify-write 'rank' read from 'players' here, keyed on (id)
  std::unique_ptr<sql::ResultSet> Rs(Read->executeQuery());
  if (!Rs->next())
    return false;
  const int Rank = Rs->getInt(1);

  std::unique_ptr<sql::PreparedStatement> Write(Con->prepareStatement("UPDATE players SET `rank` = ? WHERE id = ?"));
  Write->setInt(1, Rank + Delta);
  Write->setInt(2, PlayerId);
  // expect: sqlrace-read-modify-write update of 'players.rank' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (MySQL/MariaDB): UPDATE players SET `rank` = `rank` + ? WHERE id = ?, binding the change instead of the new value
  return Write->executeUpdate() == 1;
}
