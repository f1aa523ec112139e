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
  PGresult *Res = PQexec(Conn, Sql);
  if (PQntuples(Res) == 0) {
    snprintf(Sql, sizeof Sql, "INSERT INTO waitlist(event_id, user_id) VALUES (%d, %d)", EventId, UserId);
    // expect: sqlrace-check-then-insert insert into 'waitlist' can race ...*
    PQclear(PQexec(Conn, Sql));
  }
  PQclear(Res);
}
