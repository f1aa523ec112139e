// Racy: the balance is read through a prepared statement and the new
// balance is bound to the UPDATE's first placeholder with
// statement::bind(0, ...); nanodbc numbers placeholders from 0. The lost
// update is the same as in nanodbc-balance-concat-sql.cpp.
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>

bool withdraw(nanodbc::connection &Conn, long AccountId, long Amount) {
  nanodbc::statement Read(Conn, "SELECT balance FROM accounts WHERE id = ?");
  Read.bind(0, &AccountId);
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  nanodbc::result Row = nanodbc::execute(Read);
  if (!Row.next())
    return false;
  const long Balance = Row.get<long>(0) - Amount;
  nanodbc::statement Write(Conn, "UPDATE accounts SET balance = ? WHERE id = ?");
  Write.bind(0, &Balance);
  Write.bind(1, &AccountId);
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite: UPDATE accounts SET balance = balance - ? WHERE id = ?, binding the change instead of the new value
  nanodbc::just_execute(Write);
  return true;
}
