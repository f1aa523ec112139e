// Clean: SET TRANSACTION ISOLATION LEVEL SERIALIZABLE before BEGIN makes
// the check and the insert one serializable transaction; a concurrent
// duplicate makes one of the two fail with a serialization error (SQLSTATE
// 40001) and retry instead of inserting twice.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

bool signUp(SQLHDBC Dbc, SQLCHAR *Email) {
  SQLLEN EmailLen = SQL_NTS;
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  SQLExecDirect(Find, (SQLCHAR *)"SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", SQL_NTS);
  SQLExecDirect(Find, (SQLCHAR *)"BEGIN", SQL_NTS);
  SQLPrepare(Find, (SQLCHAR *)"SELECT id FROM users WHERE email = ?", SQL_NTS);
  SQLBindParameter(Find, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 255, 0, Email, 0, &EmailLen);
  SQLExecute(Find);
  if (SQLFetch(Find) != SQL_NO_DATA) {
    SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_ROLLBACK);
    return false;
  }
  SQLHSTMT Add;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
  SQLPrepare(Add, (SQLCHAR *)"INSERT INTO users(email) VALUES (?)", SQL_NTS);
  SQLBindParameter(Add, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 255, 0, Email, 0, &EmailLen);
  // ok: sqlrace-check-then-insert
  SQLExecute(Add);
  return SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_COMMIT) == SQL_SUCCESS;
}
