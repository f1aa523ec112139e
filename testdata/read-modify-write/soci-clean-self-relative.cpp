// Clean: the balance is read only to refuse an overdraft early; the UPDATE
// itself is self-relative (SET balance = balance - :amount) and binds the
// payment, not a value computed from the read, so no payment is lost.
// ARGS: -- -std=c++17
#include <soci/soci.h>

bool pay(soci::session &Sql, long AccountId, long Amount) {
  long Balance = 0;
  Sql << "SELECT balance FROM accounts WHERE id = :id", soci::use(AccountId), soci::into(Balance);
  if (!Sql.got_data())
    return false;
  // ok: sqlrace-read-modify-write
  Sql << "UPDATE accounts SET balance = balance - :amount WHERE id = :id", soci::use(Amount), soci::use(AccountId);
  return true;
}
