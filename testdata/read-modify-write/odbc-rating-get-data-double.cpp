// Racy: the average rating and vote count are fetched with SQLGetData(), the
// new average is computed in C++ and bound to the UPDATE. Two votes at once
// read the same average and the second write drops the first vote. The value
// is not "read +/- change", so the note gives the generic advice.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void rate(SQLHDBC Dbc, SQLINTEGER ProductId, SQLINTEGER Stars) {
  SQLHSTMT Read;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Read);
  SQLPrepare(Read, (SQLCHAR *)"SELECT avg_rating, votes FROM products WHERE id = ?", SQL_NTS);
  SQLBindParameter(Read, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &ProductId, 0, nullptr);
  // note: sqlrace-read-modify-write 'avg_rating' read from 'products' here, keyed on (id)
  SQLExecute(Read);
  if (SQLFetch(Read) == SQL_NO_DATA)
    return;
  SQLDOUBLE Avg = 0;
  SQLINTEGER Votes = 0;
  SQLGetData(Read, 1, SQL_C_DOUBLE, &Avg, 0, nullptr);
  SQLGetData(Read, 2, SQL_C_LONG, &Votes, 0, nullptr);
  SQLFreeHandle(SQL_HANDLE_STMT, Read);
  SQLDOUBLE NewAvg = (Avg * Votes + Stars) / (Votes + 1);

  SQLHSTMT Write;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Write);
  SQLPrepare(Write, (SQLCHAR *)"UPDATE products SET avg_rating = ? WHERE id = ?", SQL_NTS);
  SQLBindParameter(Write, 1, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 0, 0, &NewAvg, 0, nullptr);
  SQLBindParameter(Write, 2, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &ProductId, 0, nullptr);
  // expect: sqlrace-read-modify-write update of 'products.avg_rating' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read the row with SELECT ... FOR UPDATE inside the transaction that writes it, or make the UPDATE conditional on the value read (AND avg_rating = <value read> in its WHERE) and check how many rows it changed
  SQLExecute(Write);
  SQLFreeHandle(SQL_HANDLE_STMT, Write);
}
