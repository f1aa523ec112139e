// Racy: START TRANSACTION at InnoDB's default REPEATABLE READ, but the
// SELECT is a plain consistent read without FOR UPDATE. It takes no lock,
// and InnoDB lets the later UPDATE overwrite a row another transaction
// committed in between, so a concurrent reservation is lost.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>

bool reserveSeats(sql::Connection *Con, int ShowId, int Seats) {
  std::unique_ptr<sql::Statement> Txn(Con->createStatement());
  Txn->execute("START TRANSACTION");
  std::unique_ptr<sql::PreparedStatement> Read(Con->prepareStatement("SELECT seats_free FROM shows WHERE id = ?"));
  Read->setInt(1, ShowId);
  // note: sqlrace-read-modify-write 'seats_free' read from 'shows' here, keyed on (id)
  std::unique_ptr<sql::ResultSet> Rs(Read->executeQuery());
  if (!Rs->next()) {
    Con->rollback();
    return false;
  }
  const int Free = Rs->getInt(1);
  if (Free < Seats) {
    Con->rollback();
    return false;
  }
  std::unique_ptr<sql::PreparedStatement> Write(Con->prepareStatement("UPDATE shows SET seats_free = ? WHERE id = ?"));
  Write->setInt(1, Free - Seats);
  Write->setInt(2, ShowId);
  // expect: sqlrace-read-modify-write update of 'shows.seats_free' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (MySQL/MariaDB): UPDATE shows SET seats_free = seats_free - ? WHERE id = ?, binding the change instead of the new value
  Write->executeUpdate();
  Con->commit();
  return true;
}
