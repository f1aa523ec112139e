// Clean: the ODBC way to ask for a serializable transaction: autocommit is
// switched off and SQL_ATTR_TXN_ISOLATION set to SQL_TXN_SERIALIZABLE with
// SQLSetConnectAttr(), so the check and the insert run in one serializable
// transaction that SQLEndTran() commits.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void seedMotd(SQLHDBC Dbc) {
  SQLSetConnectAttr(Dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, SQL_IS_UINTEGER);
  SQLSetConnectAttr(Dbc, SQL_ATTR_TXN_ISOLATION, (SQLPOINTER)SQL_TXN_SERIALIZABLE, SQL_IS_UINTEGER);
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  SQLExecDirect(Find, (SQLCHAR *)"SELECT 1 FROM settings WHERE name = 'motd'", SQL_NTS);
  if (SQLFetch(Find) != SQL_NO_DATA) {
    SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_ROLLBACK);
    return;
  }
  SQLHSTMT Add;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
  // ok: sqlrace-check-then-insert
  SQLExecDirect(Add, (SQLCHAR *)"INSERT INTO settings(name, value) VALUES ('motd', 'Welcome!')", SQL_NTS);
  SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_COMMIT);
}
