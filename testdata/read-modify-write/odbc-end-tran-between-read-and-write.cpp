// Racy: the balance is read with SELECT ... FOR UPDATE inside BEGIN, but
// SQLEndTran(SQL_COMMIT) ends that transaction, and its row lock, before the
// UPDATE runs in autocommit. Another client can change the row in between,
// and its change is overwritten.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

bool withdraw(SQLHDBC Dbc, SQLINTEGER AccountId, SQLINTEGER Amount) {
  SQLHSTMT Read;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Read);
  SQLExecDirect(Read, (SQLCHAR *)"BEGIN", SQL_NTS);
  SQLPrepare(Read, (SQLCHAR *)"SELECT balance FROM accounts WHERE id = ? FOR UPDATE", SQL_NTS);
  SQLBindParameter(Read, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &AccountId, 0, nullptr);
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  SQLExecute(Read);
  if (SQLFetch(Read) == SQL_NO_DATA) {
    SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_ROLLBACK);
    return false;
  }
  SQLINTEGER Balance = 0;
  SQLGetData(Read, 1, SQL_C_LONG, &Balance, 0, nullptr);
  SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_COMMIT);
  if (Balance < Amount)
    return false;

  SQLINTEGER NewBalance = Balance - Amount;
  SQLHSTMT Write;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Write);
  SQLPrepare(Write, (SQLCHAR *)"UPDATE accounts SET balance = ? WHERE id = ?", SQL_NTS);
  SQLBindParameter(Write, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &NewBalance, 0, nullptr);
  SQLBindParameter(Write, 2, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &AccountId, 0, nullptr);
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite: UPDATE accounts SET balance = balance - ? WHERE id = ?, binding the change instead of the new value
  SQLExecute(Write);
  return true;
}
