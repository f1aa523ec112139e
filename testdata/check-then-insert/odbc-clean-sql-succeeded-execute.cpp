// Clean: SQL_SUCCEEDED() tests whether the SELECT ran, not whether it found a
// row, and the insert is a conditional INSERT ... WHERE NOT EXISTS, atomic on
// its own.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

bool addDevice(SQLHDBC Dbc, SQLCHAR *Serial) {
  SQLLEN SerialLen = SQL_NTS;
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  SQLPrepare(Find, (SQLCHAR *)"SELECT id FROM devices WHERE serial = ?", SQL_NTS);
  SQLBindParameter(Find, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, Serial, 0, &SerialLen);
  if (!SQL_SUCCEEDED(SQLExecute(Find)))
    return false;
  SQLHSTMT Add;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
  SQLPrepare(Add, (SQLCHAR *)"INSERT INTO devices(serial) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM devices WHERE serial = ?)", SQL_NTS);
  SQLBindParameter(Add, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, Serial, 0, &SerialLen);
  SQLBindParameter(Add, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, Serial, 0, &SerialLen);
  // ok: sqlrace-check-then-insert
  return SQL_SUCCEEDED(SQLExecute(Add));
}
