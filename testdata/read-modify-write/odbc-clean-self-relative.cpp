// Clean: the UPDATE subtracts the amount in SQL (SET balance = balance - ?)
// and binds only the change; the balance read before is only returned for
// the receipt. The server applies the change to the current row.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

SQLINTEGER withdraw(SQLHDBC Dbc, SQLINTEGER AccountId, SQLINTEGER Amount) {
  SQLHSTMT Read;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Read);
  SQLPrepare(Read, (SQLCHAR *)"SELECT balance FROM accounts WHERE id = ?", SQL_NTS);
  SQLBindParameter(Read, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &AccountId, 0, nullptr);
  SQLExecute(Read);
  if (SQLFetch(Read) == SQL_NO_DATA)
    return -1;
  SQLINTEGER Before = 0;
  SQLGetData(Read, 1, SQL_C_LONG, &Before, 0, nullptr);
  SQLFreeHandle(SQL_HANDLE_STMT, Read);

  SQLHSTMT Write;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Write);
  SQLPrepare(Write, (SQLCHAR *)"UPDATE accounts SET balance = balance - ? WHERE id = ?", SQL_NTS);
  SQLBindParameter(Write, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &Amount, 0, nullptr);
  SQLBindParameter(Write, 2, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &AccountId, 0, nullptr);
  // ok: sqlrace-read-modify-write
  SQLExecute(Write);
  SQLFreeHandle(SQL_HANDLE_STMT, Write);
  return Before - Amount;
}
