// Racy: the usual ODBC idiom SQL_SUCCEEDED(SQLFetch(H)) (true for
// SQL_SUCCESS and SQL_SUCCESS_WITH_INFO, false for SQL_NO_DATA) returns early
// when the device is known; otherwise it is registered. Two first boots of
// the same device can both fetch nothing and both insert it.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void registerDevice(SQLHDBC Dbc, SQLCHAR *Serial) {
  SQLLEN SerialLen = SQL_NTS;
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  SQLPrepare(Find, (SQLCHAR *)"SELECT id FROM devices WHERE serial = ?", SQL_NTS);
  SQLBindParameter(Find, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, Serial, 0, &SerialLen);
  // note: sqlrace-check-then-insert existence of a 'devices' row checked here, keyed on (serial)
  SQLExecute(Find);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (SQL_SUCCEEDED(SQLFetch(Find)))
    return;

  SQLHSTMT Add;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
  SQLPrepare(Add, (SQLCHAR *)"INSERT INTO devices(serial) VALUES (?)", SQL_NTS);
  SQLBindParameter(Add, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, Serial, 0, &SerialLen);
  // expect: sqlrace-check-then-insert insert into 'devices' ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on devices (serial) and use the dialect's insert-if-absent form or handle the unique violation
  SQLExecute(Add);
}
