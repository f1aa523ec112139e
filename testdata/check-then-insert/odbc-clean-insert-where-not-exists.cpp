// Clean: the insert is a single INSERT ... SELECT ... WHERE NOT EXISTS that
// re-checks the key itself, backed by the UNIQUE constraint on
// settings.name; the lookup before it only avoids a round trip.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void seedMotd(SQLHDBC Dbc) {
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  SQLExecDirect(Find, (SQLCHAR *)"SELECT 1 FROM settings WHERE name = 'motd'", SQL_NTS);
  if (SQLFetch(Find) == SQL_NO_DATA) {
    SQLHSTMT Add;
    SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
    // ok: sqlrace-check-then-insert
    SQLExecDirect(Add, (SQLCHAR *)"INSERT INTO settings(name, value) SELECT 'motd', 'Welcome!' WHERE NOT EXISTS (SELECT 1 FROM settings WHERE name = 'motd')", SQL_NTS);
    SQLFreeHandle(SQL_HANDLE_STMT, Add);
  }
  SQLFreeHandle(SQL_HANDLE_STMT, Find);
}
