// Racy: on an SQLite session with no transaction each statement commits on
// its own. The wallet balance is extracted with into(), the purchase is
// subtracted in C++ and bind() copies the new balance into the UPDATE; a
// purchase made in between by another process is overwritten.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>

using namespace Poco::Data::Keywords;

bool buy(int WalletId, int Price) {
  Poco::Data::Session S("SQLite", "wallets.db");
  int Balance = 0;
  // note: sqlrace-read-modify-write 'balance' read from 'wallets' here, keyed on (id)
  S << "SELECT balance FROM wallets WHERE id = ?", into(Balance), use(WalletId), now;
  if (Balance < Price)
    return false;
  // expect: sqlrace-read-modify-write update of 'wallets.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (SQLite): UPDATE wallets SET balance = balance - ? WHERE id = ?, binding the change instead of the new value
  S << "UPDATE wallets SET balance = ? WHERE id = ?", bind(Balance - Price), use(WalletId), now;
  return true;
}
