// Racy: the balance is read with soci::into(), the payment is subtracted in
// C++ and the new balance is bound with soci::use() in the UPDATE. Two
// payments that read the same balance both write "balance - amount", so one
// of them is lost.
// ARGS: -- -std=c++17
#include <soci/soci.h>

bool pay(soci::session &Sql, long AccountId, long Amount) {
  long Balance = 0;
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  Sql << "SELECT balance FROM accounts WHERE id = :id", soci::use(AccountId), soci::into(Balance);
  if (!Sql.got_data() || Balance < Amount)
    return false;
  const long NewBalance = Balance - Amount;
  // expect: sqlrace-read-modify-write update of 'accounts.balance' ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite: UPDATE accounts SET balance = balance - :balance WHERE id = :id, binding the change instead of the new value
  Sql << "UPDATE accounts SET balance = :balance WHERE id = :id", soci::use(NewBalance), soci::use(AccountId);
  return true;
}
