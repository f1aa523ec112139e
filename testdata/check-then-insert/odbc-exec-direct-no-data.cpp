// Racy: SQLExecDirect() runs the lookup of the default setting, and when
// SQLFetch() returns SQL_NO_DATA a second handle on the same connection
// inserts it. Two service instances starting at once can both insert the
// row.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void seedMotd(SQLHDBC Dbc) {
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  // note: sqlrace-check-then-insert existence of a 'settings' row checked here, keyed on (name)
  SQLExecDirect(Find, (SQLCHAR *)"SELECT 1 FROM settings WHERE name = 'motd'", SQL_NTS);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (SQLFetch(Find) == SQL_NO_DATA) {
    SQLHSTMT Add;
    SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
    // expect: sqlrace-check-then-insert insert into 'settings' ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on settings (name) and use the dialect's insert-if-absent form or handle the unique violation
    SQLExecDirect(Add, (SQLCHAR *)"INSERT INTO settings(name, value) VALUES ('motd', 'Welcome!')", SQL_NTS);
    SQLFreeHandle(SQL_HANDLE_STMT, Add);
  }
  SQLFreeHandle(SQL_HANDLE_STMT, Find);
}
