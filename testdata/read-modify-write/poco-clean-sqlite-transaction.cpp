// Clean: the session is opened with the "SQLite" connector and a
// Poco::Data::Transaction covers the read and the write. SQLite has one
// writer at a time, so another process cannot update the wallet in between
// (it gets SQLITE_BUSY and retries).
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;

bool buy(int WalletId, int Price) {
  Poco::Data::Session S("SQLite", "wallets.db");
  Poco::Data::Transaction T(S);
  int Balance = 0;
  S << "SELECT balance FROM wallets WHERE id = ?", into(Balance), use(WalletId), now;
  if (Balance < Price)
    return false;
  int NewBalance = Balance - Price;
  // ok: sqlrace-read-modify-write
  S << "UPDATE wallets SET balance = ? WHERE id = ?", use(NewBalance), use(WalletId), now;
  T.commit();
  return true;
}
