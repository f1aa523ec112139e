// Clean: the lookup runs on a handle of the reporting connection and the
// insert on a handle of the primary connection. Statement handles allocated
// from two different SQLHDBCs do not form a check-then-insert pair.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void logSearchTerm(SQLHDBC Reporting, SQLHDBC Primary, SQLCHAR *Term) {
  SQLLEN TermLen = SQL_NTS;
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Reporting, &Find);
  SQLPrepare(Find, (SQLCHAR *)"SELECT 1 FROM search_terms WHERE term = ?", SQL_NTS);
  SQLBindParameter(Find, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 100, 0, Term, 0, &TermLen);
  SQLExecute(Find);
  if (SQLFetch(Find) == SQL_NO_DATA) {
    SQLHSTMT Add;
    SQLAllocHandle(SQL_HANDLE_STMT, Primary, &Add);
    SQLPrepare(Add, (SQLCHAR *)"INSERT INTO search_terms(term) VALUES (?)", SQL_NTS);
    SQLBindParameter(Add, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 100, 0, Term, 0, &TermLen);
    // ok: sqlrace-check-then-insert
    SQLExecute(Add);
    SQLFreeHandle(SQL_HANDLE_STMT, Add);
  }
  SQLFreeHandle(SQL_HANDLE_STMT, Find);
}
