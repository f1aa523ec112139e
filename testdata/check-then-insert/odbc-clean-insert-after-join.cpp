// Clean: the lookup only counts first-time visitors; the INSERT into the
// append-only 'page_visits' log runs on both paths, after the if/else has
// joined, so it does not depend on what the check saw.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void recordVisit(SQLHDBC Dbc, SQLCHAR *VisitorId, int &FirstTime) {
  SQLLEN IdLen = SQL_NTS;
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  SQLPrepare(Find, (SQLCHAR *)"SELECT 1 FROM page_visits WHERE visitor_id = ?", SQL_NTS);
  SQLBindParameter(Find, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, VisitorId, 0, &IdLen);
  SQLExecute(Find);
  if (SQLFetch(Find) == SQL_NO_DATA)
    ++FirstTime;
  SQLFreeHandle(SQL_HANDLE_STMT, Find);

  SQLHSTMT Add;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
  SQLPrepare(Add, (SQLCHAR *)"INSERT INTO page_visits(visitor_id) VALUES (?)", SQL_NTS);
  SQLBindParameter(Add, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, VisitorId, 0, &IdLen);
  // ok: sqlrace-check-then-insert
  SQLExecute(Add);
  SQLFreeHandle(SQL_HANDLE_STMT, Add);
}
