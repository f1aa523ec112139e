// Racy: a page view counter fetched with SQLGetData(), incremented in C++
// and written back in SQL text built with std::to_string and run with
// SQLExecDirect(). Concurrent views read the same count and all write
// "count + 1".
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>
#include <string>

void countView(SQLHDBC Dbc, SQLINTEGER PageId) {
  SQLHSTMT Read;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Read);
  SQLPrepare(Read, (SQLCHAR *)"SELECT views FROM pages WHERE id = ?", SQL_NTS);
  SQLBindParameter(Read, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &PageId, 0, nullptr);
  // note: sqlrace-read-modify-write 'views' read from 'pages' here, keyed on (id)
  SQLExecute(Read);
  if (SQLFetch(Read) == SQL_NO_DATA)
    return;
  SQLINTEGER Views = 0;
  SQLGetData(Read, 1, SQL_C_LONG, &Views, 0, nullptr);
  SQLFreeHandle(SQL_HANDLE_STMT, Read);

  const std::string Sql = "UPDATE pages SET views = " + std::to_string(Views + 1) + " WHERE id = " + std::to_string(PageId);
  SQLHSTMT Write;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Write);
  // expect: sqlrace-read-modify-write update of 'pages.views' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET views = views + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  SQLExecDirect(Write, (SQLCHAR *)Sql.c_str(), SQL_NTS);
  SQLFreeHandle(SQL_HANDLE_STMT, Write);
}
