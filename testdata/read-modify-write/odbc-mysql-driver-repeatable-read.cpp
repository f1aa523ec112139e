// Racy: the same code as odbc-clean-postgres-driver-repeatable-read, but the
// connection string names the MySQL ODBC driver. A REPEATABLE READ transaction
// in MySQL (InnoDB) reads a snapshot and writes over a row another
// transaction changed after it, so one of two concurrent additions is
// lost.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void addPoints(SQLHDBC Dbc, SQLINTEGER UserId, SQLINTEGER Points) {
  SQLDriverConnect(Dbc, nullptr, (SQLCHAR *)"Driver={MySQL ODBC 8.0 Unicode Driver};Server=db;Database=game;", SQL_NTS,
                   nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT);
  SQLSetConnectAttr(Dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, SQL_IS_UINTEGER);
  SQLSetConnectAttr(Dbc, SQL_ATTR_TXN_ISOLATION, (SQLPOINTER)SQL_TXN_REPEATABLE_READ, SQL_IS_UINTEGER);
  SQLHSTMT Read;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Read);
  SQLPrepare(Read, (SQLCHAR *)"SELECT points FROM scores WHERE user_id = ?", SQL_NTS);
  SQLBindParameter(Read, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &UserId, 0, nullptr);
  // note: sqlrace-read-modify-write 'points' read from 'scores' here, keyed on (user_id)
  SQLExecute(Read);
  if (SQLFetch(Read) == SQL_NO_DATA) {
    SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_ROLLBACK);
    return;
  }
  SQLINTEGER Current = 0;
  SQLGetData(Read, 1, SQL_C_LONG, &Current, 0, nullptr);
  SQLINTEGER Total = Current + Points;
  SQLHSTMT Write;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Write);
  SQLPrepare(Write, (SQLCHAR *)"UPDATE scores SET points = ? WHERE user_id = ?", SQL_NTS);
  SQLBindParameter(Write, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &Total, 0, nullptr);
  SQLBindParameter(Write, 2, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &UserId, 0, nullptr);
  // expect: sqlrace-read-modify-write update of 'scores.points' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (MySQL/MariaDB): UPDATE scores SET points = points + ? WHERE user_id = ?, binding the change instead of the new value
  SQLExecute(Write);
  SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_COMMIT);
}
