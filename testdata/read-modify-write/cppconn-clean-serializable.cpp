// Clean: SET TRANSACTION ISOLATION LEVEL SERIALIZABLE applies to the
// transaction START TRANSACTION opens. InnoDB then turns the plain SELECT
// into a shared locking read, so a concurrent reservation of the same show
// blocks or is chosen as a deadlock victim (1213) and retries.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>

bool reserveSeats(sql::Connection *Con, int ShowId, int Seats) {
  std::unique_ptr<sql::Statement> Txn(Con->createStatement());
  Txn->execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  Txn->execute("START TRANSACTION");
  std::unique_ptr<sql::PreparedStatement> Read(Con->prepareStatement("SELECT seats_free FROM shows WHERE id = ?"));
  Read->setInt(1, ShowId);
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
  // ok: sqlrace-read-modify-write
  Write->executeUpdate();
  Con->commit();
  return true;
}
