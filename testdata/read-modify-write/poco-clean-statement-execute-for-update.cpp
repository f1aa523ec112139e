// Clean: the same read through a Statement as poco-statement-execute-balance,
// but with SELECT ... FOR UPDATE inside a Poco::Data::Transaction: the row
// stays locked until commit().
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;

void refund(Poco::Data::Session &S, int AccountId, long Amount) {
  Poco::Data::Transaction T(S);
  long Balance = 0;
  Poco::Data::Statement Read(S);
  Read << "SELECT balance FROM accounts WHERE id = ? FOR UPDATE", into(Balance), use(AccountId);
  Read.execute();
  long Total = Balance + Amount;
  // ok: sqlrace-read-modify-write
  S << "UPDATE accounts SET balance = ? WHERE id = ?", use(Total), use(AccountId), now;
  T.commit();
}
