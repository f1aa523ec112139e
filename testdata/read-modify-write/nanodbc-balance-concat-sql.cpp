// Racy: the balance is read with nanodbc::execute(connection&, sql) and
// result::get<long>(0); the withdrawal is subtracted in C++ and the new
// balance is written in SQL text built with std::to_string. In autocommit
// two withdrawals that read the same balance both write "balance - amount".
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>
#include <string>

bool withdraw(nanodbc::connection &Conn, long AccountId, long Amount) {
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  nanodbc::result Read = nanodbc::execute(Conn, "SELECT balance FROM accounts WHERE id = " + std::to_string(AccountId));
  if (!Read.next())
    return false;
  const long Balance = Read.get<long>(0);
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET balance = balance + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  nanodbc::just_execute(Conn, "UPDATE accounts SET balance = " + std::to_string(Balance - Amount) + " WHERE id = " + std::to_string(AccountId));
  return true;
}
