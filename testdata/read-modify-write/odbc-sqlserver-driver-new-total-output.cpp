// Racy, on SQL Server (the connection string names Microsoft's driver), in
// autocommit: two concurrent additions read the same points and one is lost.
// The new total is returned after the UPDATE, so the rewrite note asks for
// OUTPUT inserted.points, SQL Server's way to read back the value the
// UPDATE computed. No fix-it: the value is bound through a local.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

SQLINTEGER addPoints(SQLHDBC Dbc, SQLINTEGER UserId, SQLINTEGER Points) {
  SQLDriverConnect(Dbc, nullptr, (SQLCHAR *)"Driver={ODBC Driver 18 for SQL Server};Server=db;Database=game;", SQL_NTS,
                   nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT);
  SQLHSTMT Read;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Read);
  SQLPrepare(Read, (SQLCHAR *)"SELECT points FROM scores WHERE user_id = ?", SQL_NTS);
  SQLBindParameter(Read, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &UserId, 0, nullptr);
  // note: sqlrace-read-modify-write 'points' read from 'scores' here, keyed on (user_id)
  SQLExecute(Read);
  if (SQLFetch(Read) == SQL_NO_DATA)
    return -1;
  SQLINTEGER Current = 0;
  SQLGetData(Read, 1, SQL_C_LONG, &Current, 0, nullptr);
  SQLINTEGER Total = Current + Points;
  SQLHSTMT Write;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Write);
  SQLPrepare(Write, (SQLCHAR *)"UPDATE scores SET points = ? WHERE user_id = ?", SQL_NTS);
  SQLBindParameter(Write, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &Total, 0, nullptr);
  SQLBindParameter(Write, 2, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &UserId, 0, nullptr);
  // expect: sqlrace-read-modify-write update of 'scores.points' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... WITH (UPDLOCK, HOLDLOCK) in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (SQL Server): UPDATE scores SET points = points + ? WHERE user_id = ?, binding the change instead of the new value; add OUTPUT inserted.points to read back the new value, which the code uses
  SQLExecute(Write);
  return Total;
}
