// Racy: the serializable transaction that autocommit off began is committed
// when autocommit is switched back on (SQL_AUTOCOMMIT_ON), before the check;
// the check and the insert then run as two separate statements.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void seedFooter(SQLHDBC Dbc) {
  SQLSetConnectAttr(Dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, SQL_IS_UINTEGER);
  SQLSetConnectAttr(Dbc, SQL_ATTR_TXN_ISOLATION, (SQLPOINTER)SQL_TXN_SERIALIZABLE, SQL_IS_UINTEGER);
  SQLHSTMT Clean;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Clean);
  SQLExecDirect(Clean, (SQLCHAR *)"DELETE FROM settings WHERE name = 'footer_old'", SQL_NTS);
  SQLSetConnectAttr(Dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_ON, SQL_IS_UINTEGER);
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  // note: sqlrace-check-then-insert existence of a 'settings' row checked here, keyed on (name)
  SQLExecDirect(Find, (SQLCHAR *)"SELECT 1 FROM settings WHERE name = 'footer'", SQL_NTS);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (SQLFetch(Find) != SQL_NO_DATA)
    return;
  SQLHSTMT Add;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
  // expect: sqlrace-check-then-insert insert into 'settings' ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on settings (name) and use the dialect's insert-if-absent form or handle the unique violation
  SQLExecDirect(Add, (SQLCHAR *)"INSERT INTO settings(name, value) VALUES ('footer', '')", SQL_NTS);
}
