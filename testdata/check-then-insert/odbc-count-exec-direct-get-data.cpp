// Racy: as odbc-count-get-data.cpp, but the COUNT(*) runs through
// SQLExecDirect() instead of SQLPrepare()/SQLExecute(). The count fetched
// with SQLGetData() still decides the insert, and two service instances
// starting at once can both count 0 and both insert the setting.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void seedMotd(SQLHDBC Dbc) {
  SQLHSTMT Count;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Count);
  // note: sqlrace-check-then-insert existence of a 'settings' row checked here, keyed on (name)
  SQLExecDirect(Count, (SQLCHAR *)"SELECT COUNT(*) FROM settings WHERE name = 'motd'", SQL_NTS);
  SQLFetch(Count);
  SQLINTEGER Existing = 0;
  SQLGetData(Count, 1, SQL_C_LONG, &Existing, 0, nullptr);
  SQLFreeHandle(SQL_HANDLE_STMT, Count);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Existing == 0) {
    SQLHSTMT Add;
    SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
    // expect: sqlrace-check-then-insert insert into 'settings' ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on settings (name) and use the dialect's insert-if-absent form or handle the unique violation
    SQLExecDirect(Add, (SQLCHAR *)"INSERT INTO settings(name, value) VALUES ('motd', 'Welcome!')", SQL_NTS);
    SQLFreeHandle(SQL_HANDLE_STMT, Add);
  }
}
