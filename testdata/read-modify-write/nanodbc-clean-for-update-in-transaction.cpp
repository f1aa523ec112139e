// Clean: SELECT ... FOR UPDATE runs inside the nanodbc::transaction that
// also runs the UPDATE, so the row stays locked until commit(); a concurrent
// withdrawal waits and then reads the balance written here.
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>
#include <string>

bool withdraw(nanodbc::connection &Conn, long AccountId, long Amount) {
  nanodbc::transaction Txn(Conn);
  nanodbc::result Read = nanodbc::execute(Conn, "SELECT balance FROM accounts WHERE id = " + std::to_string(AccountId) + " FOR UPDATE");
  if (!Read.next())
    return false;
  const long Balance = Read.get<long>(0);
  // ok: sqlrace-read-modify-write
  nanodbc::just_execute(Conn, "UPDATE accounts SET balance = " + std::to_string(Balance - Amount) + " WHERE id = " + std::to_string(AccountId));
  Txn.commit();
  return true;
}
