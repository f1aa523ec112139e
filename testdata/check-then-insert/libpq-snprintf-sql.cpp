// Racy: both statements are formatted with snprintf() into the same char
// buffer. sqlrace rebuilds the text of each from the format string at the
// point of use, with the values as unknown parts, and sees the same race as
// with literals. (Formatting values into SQL is also an injection risk; this
// file is about the race only.)
// REQUIRES: pkg(libpq)
#include <cstdio>
#include <libpq-fe.h>

void addToWaitlist(PGconn *Conn, int EventId, int UserId) {
  char Sql[256];
  snprintf(Sql, sizeof Sql, "SELECT 1 FROM waitlist WHERE event_id = %d AND user_id = %d", EventId, UserId);
  // note: sqlrace-check-then-insert existence of a 'waitlist' row checked here, keyed on (event_id, user_id)
  // note: sqlrace-check-then-insert this SQL is partly unknown at analysis time; its table and key come from the known parts
  PGresult *Res = PQexec(Conn, Sql);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    snprintf(Sql, sizeof Sql, "INSERT INTO waitlist(event_id, user_id) VALUES (%d, %d)", EventId, UserId);
    // expect: sqlrace-check-then-insert insert into 'waitlist' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on waitlist (event_id, user_id) and use the dialect's insert-if-absent form or handle the unique violation
    // note: sqlrace-check-then-insert SQL partly unknown at analysis time; the rewrite keeps the known parts
    PQclear(PQexec(Conn, Sql));
  }
  PQclear(Res);
}
