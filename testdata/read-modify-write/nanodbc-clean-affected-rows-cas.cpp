// Clean: compare-and-set. The new balance is written only if the row still
// holds the balance that was read (AND balance = <old>), and
// result::affected_rows() of that UPDATE tells whether it won; on 0 the
// caller re-reads and retries.
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>
#include <string>

bool tryWithdraw(nanodbc::connection &Conn, long AccountId, long Amount) {
  nanodbc::result Read = nanodbc::execute(Conn, "SELECT balance FROM accounts WHERE id = " + std::to_string(AccountId));
  if (!Read.next())
    return false;
  const long Balance = Read.get<long>(0);
  // ok: sqlrace-read-modify-write
  nanodbc::result Update = nanodbc::execute(Conn, "UPDATE accounts SET balance = " + std::to_string(Balance - Amount) + " WHERE id = " + std::to_string(AccountId) + " AND balance = " + std::to_string(Balance));
  return Update.affected_rows() == 1;
}
