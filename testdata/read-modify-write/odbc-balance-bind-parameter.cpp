// Racy: the balance is fetched with SQLGetData(), the withdrawal subtracted
// in C++ and the new balance bound by address with SQLBindParameter(). In
// autocommit two withdrawals that read the same balance both write
// "balance - amount", so one is never charged.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

bool withdraw(SQLHDBC Dbc, SQLINTEGER AccountId, SQLINTEGER Amount) {
  SQLHSTMT Read;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Read);
  SQLPrepare(Read, (SQLCHAR *)"SELECT balance FROM accounts WHERE id = ?", SQL_NTS);
  SQLBindParameter(Read, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &AccountId, 0, nullptr);
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  SQLExecute(Read);
  if (SQLFetch(Read) == SQL_NO_DATA)
    return false;
  SQLINTEGER Balance = 0;
  SQLGetData(Read, 1, SQL_C_LONG, &Balance, 0, nullptr);
  SQLFreeHandle(SQL_HANDLE_STMT, Read);
  SQLINTEGER NewBalance = Balance - Amount;

  SQLHSTMT Write;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Write);
  SQLPrepare(Write, (SQLCHAR *)"UPDATE accounts SET balance = ? WHERE id = ?", SQL_NTS);
  SQLBindParameter(Write, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &NewBalance, 0, nullptr);
  SQLBindParameter(Write, 2, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &AccountId, 0, nullptr);
  // FIXME(analyzer): the value is bound by address (&NewBalance); the rewrite note looks through locals but not through '&', so it gives the generic advice instead of "SET balance = balance - ?" (and with no dialect it would then print "atomic rewrite ():", see qt-balance-bind-value.cpp).
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite: UPDATE accounts SET balance = balance - ? WHERE id = ?, binding the change instead of the new value
  const SQLRETURN Rc = SQLExecute(Write);
  SQLFreeHandle(SQL_HANDLE_STMT, Write);
  return SQL_SUCCEEDED(Rc);
}
