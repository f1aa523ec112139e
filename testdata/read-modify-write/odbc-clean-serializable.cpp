// Clean: SET TRANSACTION ISOLATION LEVEL SERIALIZABLE before BEGIN puts the
// read and the write in one serializable transaction. A concurrent
// read-modify-write of the same product fails with SQLSTATE 40001 and is
// retried instead of overwriting this one.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void rate(SQLHDBC Dbc, SQLINTEGER ProductId, SQLINTEGER Stars) {
  SQLHSTMT Read;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Read);
  SQLExecDirect(Read, (SQLCHAR *)"SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", SQL_NTS);
  SQLExecDirect(Read, (SQLCHAR *)"BEGIN", SQL_NTS);
  SQLPrepare(Read, (SQLCHAR *)"SELECT avg_rating, votes FROM products WHERE id = ?", SQL_NTS);
  SQLBindParameter(Read, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &ProductId, 0, nullptr);
  SQLExecute(Read);
  if (SQLFetch(Read) == SQL_NO_DATA) {
    SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_ROLLBACK);
    return;
  }
  SQLDOUBLE Avg = 0;
  SQLINTEGER Votes = 0;
  SQLGetData(Read, 1, SQL_C_DOUBLE, &Avg, 0, nullptr);
  SQLGetData(Read, 2, SQL_C_LONG, &Votes, 0, nullptr);
  SQLDOUBLE NewAvg = (Avg * Votes + Stars) / (Votes + 1);

  SQLHSTMT Write;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Write);
  SQLPrepare(Write, (SQLCHAR *)"UPDATE products SET avg_rating = ? WHERE id = ?", SQL_NTS);
  SQLBindParameter(Write, 1, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 0, 0, &NewAvg, 0, nullptr);
  SQLBindParameter(Write, 2, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &ProductId, 0, nullptr);
  // ok: sqlrace-read-modify-write
  SQLExecute(Write);
  SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_COMMIT);
}
