// Clean: the connection string names the SQLite ODBC driver, so the dialect
// is SQLite; with autocommit off the check and the insert run in one
// transaction, and SQLite lets one writer at a time commit.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void addTag(SQLHDBC Dbc, SQLCHAR *Tag) {
  SQLDriverConnect(Dbc, nullptr, (SQLCHAR *)"Driver={SQLite3 ODBC Driver};Database=/var/lib/app/tags.db;", SQL_NTS,
                   nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT);
  SQLSetConnectAttr(Dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, SQL_IS_UINTEGER);
  SQLLEN TagLen = SQL_NTS;
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  SQLPrepare(Find, (SQLCHAR *)"SELECT 1 FROM tags WHERE name = ?", SQL_NTS);
  SQLBindParameter(Find, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, Tag, 0, &TagLen);
  SQLExecute(Find);
  if (SQLFetch(Find) == SQL_NO_DATA) {
    SQLHSTMT Add;
    SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
    SQLPrepare(Add, (SQLCHAR *)"INSERT INTO tags(name) VALUES (?)", SQL_NTS);
    SQLBindParameter(Add, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, Tag, 0, &TagLen);
    // ok: sqlrace-check-then-insert
    SQLExecute(Add);
  }
  SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_COMMIT);
}
