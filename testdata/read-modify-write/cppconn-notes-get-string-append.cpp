// Racy: the ticket's notes are read with getString(), a line is appended in
// C++ and the whole text is written back. Two agents commenting at once both
// start from the old text and the second write drops the first comment.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>
#include <string>

bool addNote(sql::Connection *Con, int TicketId, const std::string &Line) {
  std::unique_ptr<sql::PreparedStatement> Read(Con->prepareStatement("SELECT notes FROM tickets WHERE id = ?"));
  Read->setInt(1, TicketId);
  // note: sqlrace-read-modify-write 'notes' read from 'tickets' here, keyed on (id)
  std::unique_ptr<sql::ResultSet> Rs(Read->executeQuery());
  if (!Rs->next())
    return false;
  std::string Notes = Rs->getString(1);
  Notes += "\n" + Line;

  std::unique_ptr<sql::PreparedStatement> Write(Con->prepareStatement("UPDATE tickets SET notes = ? WHERE id = ?"));
  Write->setString(1, Notes);
  Write->setInt(2, TicketId);
  // expect: sqlrace-read-modify-write update of 'tickets.notes' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read the row with SELECT ... FOR UPDATE inside the transaction that writes it, or make the UPDATE conditional on the value read (AND notes = <value read> in its WHERE) and check how many rows it changed
  Write->executeUpdate();
  return true;
}
