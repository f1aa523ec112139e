// Clean: a migration reads the points from a handle of the legacy
// connection and writes the converted value through a handle of the new
// database's connection. Handles of two different SQLHDBCs are not a
// read-modify-write pair.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void migratePoints(SQLHDBC Legacy, SQLHDBC Current, SQLINTEGER MemberId) {
  SQLHSTMT Read;
  SQLAllocHandle(SQL_HANDLE_STMT, Legacy, &Read);
  SQLPrepare(Read, (SQLCHAR *)"SELECT points FROM members WHERE id = ?", SQL_NTS);
  SQLBindParameter(Read, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &MemberId, 0, nullptr);
  SQLExecute(Read);
  if (SQLFetch(Read) == SQL_NO_DATA)
    return;
  SQLINTEGER Points = 0;
  SQLGetData(Read, 1, SQL_C_LONG, &Points, 0, nullptr);
  SQLFreeHandle(SQL_HANDLE_STMT, Read);
  SQLINTEGER Converted = Points * 10;

  SQLHSTMT Write;
  SQLAllocHandle(SQL_HANDLE_STMT, Current, &Write);
  SQLPrepare(Write, (SQLCHAR *)"UPDATE members SET points = ? WHERE id = ?", SQL_NTS);
  SQLBindParameter(Write, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &Converted, 0, nullptr);
  SQLBindParameter(Write, 2, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &MemberId, 0, nullptr);
  // ok: sqlrace-read-modify-write
  SQLExecute(Write);
  SQLFreeHandle(SQL_HANDLE_STMT, Write);
}
