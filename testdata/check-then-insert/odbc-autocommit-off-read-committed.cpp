// Racy: autocommit is switched off, so the check and the insert run in one
// transaction, but SQL_ATTR_TXN_ISOLATION asks for SQL_TXN_READ_COMMITTED:
// two concurrent transactions can both find no row and both insert it.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void seedBanner(SQLHDBC Dbc) {
  SQLSetConnectAttr(Dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, SQL_IS_UINTEGER);
  SQLSetConnectAttr(Dbc, SQL_ATTR_TXN_ISOLATION, (SQLPOINTER)SQL_TXN_READ_COMMITTED, SQL_IS_UINTEGER);
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  // note: sqlrace-check-then-insert existence of a 'settings' row checked here, keyed on (name)
  SQLExecDirect(Find, (SQLCHAR *)"SELECT 1 FROM settings WHERE name = 'banner'", SQL_NTS);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (SQLFetch(Find) != SQL_NO_DATA) {
    SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_ROLLBACK);
    return;
  }
  SQLHSTMT Add;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
  // expect: sqlrace-check-then-insert insert into 'settings' ...*
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on settings (name) and use the dialect's insert-if-absent form or handle the unique violation
  SQLExecDirect(Add, (SQLCHAR *)"INSERT INTO settings(name, value) VALUES ('banner', '')", SQL_NTS);
  SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_COMMIT);
}
