// Clean: the ticket row is read with SELECT ... FOR UPDATE inside the
// transaction START TRANSACTION opened, and written before COMMIT. A second
// agent blocks on the row lock until this one commits and then reads the
// new notes, so no comment is lost.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>
#include <string>

bool addNote(sql::Connection *Con, int TicketId, const std::string &Line) {
  std::unique_ptr<sql::Statement> Txn(Con->createStatement());
  Txn->execute("START TRANSACTION");
  std::unique_ptr<sql::PreparedStatement> Read(Con->prepareStatement("SELECT notes FROM tickets WHERE id = ? FOR UPDATE"));
  Read->setInt(1, TicketId);
  std::unique_ptr<sql::ResultSet> Rs(Read->executeQuery());
  if (!Rs->next()) {
    Con->rollback();
    return false;
  }
  std::string Notes = Rs->getString(1);
  Notes += "\n" + Line;

  std::unique_ptr<sql::PreparedStatement> Write(Con->prepareStatement("UPDATE tickets SET notes = ? WHERE id = ?"));
  Write->setString(1, Notes);
  Write->setInt(2, TicketId);
  // ok: sqlrace-read-modify-write
  Write->executeUpdate();
  Con->commit();
  return true;
}
