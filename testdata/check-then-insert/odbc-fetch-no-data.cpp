// Racy: a prepared lookup, and when SQLFetch() returns SQL_NO_DATA the e-mail
// is inserted through a second handle of the same connection. Two sign-ups
// with the same address can both fetch nothing and both insert. ODBC does not
// name the database behind it, so the repair note is the generic one.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

bool signUp(SQLHDBC Dbc, SQLCHAR *Email) {
  SQLLEN EmailLen = SQL_NTS;
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  SQLPrepare(Find, (SQLCHAR *)"SELECT id FROM users WHERE email = ?", SQL_NTS);
  SQLBindParameter(Find, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 255, 0, Email, 0, &EmailLen);
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  SQLExecute(Find);
  const bool Free = SQLFetch(Find) == SQL_NO_DATA;
  SQLFreeHandle(SQL_HANDLE_STMT, Find);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Free)
    return false;

  SQLHSTMT Add;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
  SQLPrepare(Add, (SQLCHAR *)"INSERT INTO users(email) VALUES (?)", SQL_NTS);
  SQLBindParameter(Add, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 255, 0, Email, 0, &EmailLen);
  // expect: sqlrace-check-then-insert insert into 'users' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on users (email) and use the dialect's insert-if-absent form or handle the unique violation
  const SQLRETURN Rc = SQLExecute(Add);
  SQLFreeHandle(SQL_HANDLE_STMT, Add);
  return SQL_SUCCEEDED(Rc);
}
