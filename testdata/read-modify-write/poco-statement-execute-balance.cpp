// Racy: the balance is read through a Poco::Data::Statement run with
// execute(), and the new balance computed from it is written back; a
// concurrent payment between the two is lost.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

void pay(Poco::Data::Session &S, int AccountId, long Amount) {
  long Balance = 0;
  Poco::Data::Statement Read(S);
  Read << "SELECT balance FROM accounts WHERE id = ?", into(Balance), use(AccountId);
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  Read.execute();
  long Left = Balance - Amount;
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite: UPDATE accounts SET balance = balance - ? WHERE id = ?, binding the change instead of the new value
  S << "UPDATE accounts SET balance = ? WHERE id = ?", use(Left), use(AccountId), now;
}
