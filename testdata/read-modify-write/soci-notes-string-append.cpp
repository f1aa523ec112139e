// Racy: the ticket's notes are read into a std::string, a line is appended
// in C++ and the whole text is written back. Two agents commenting at the
// same time both start from the same notes, and one comment disappears.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

void addNote(soci::session &Sql, int TicketId, const std::string &Line) {
  std::string Notes;
  // note: sqlrace-read-modify-write 'notes' read from 'tickets' here, keyed on (id)
  Sql << "SELECT notes FROM tickets WHERE id = :id", soci::use(TicketId), soci::into(Notes);
  Notes += "\n";
  Notes += Line;
  // expect: sqlrace-read-modify-write update of 'tickets.notes' ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read the row with SELECT ... FOR UPDATE inside the transaction that writes it, or make the UPDATE conditional on the value read (AND notes = <value read> in its WHERE) and check how many rows it changed
  Sql << "UPDATE tickets SET notes = :notes WHERE id = :id", soci::use(Notes), soci::use(TicketId);
}
