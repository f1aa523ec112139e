// Racy: the balance is read, grown by 5 % and charged a fee in C++, and the
// result is written back. The outer operation subtracts the fee, but what
// it subtracts from is a product of the value read, not the value itself:
// SET balance = balance - ? binding the fee would drop the interest. The
// note gives the row lock and the conditional UPDATE instead.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <memory>

bool monthEnd(sql::Connection *Con, int AccountId, double Fee) {
  std::unique_ptr<sql::PreparedStatement> Read(Con->prepareStatement("SELECT balance FROM accounts WHERE id = ?"));
  Read->setInt(1, AccountId);
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  std::unique_ptr<sql::ResultSet> Rs(Read->executeQuery());
  if (!Rs->next())
    return false;
  const double Balance = Rs->getDouble(1);

  std::unique_ptr<sql::PreparedStatement> Write(Con->prepareStatement("UPDATE accounts SET balance = ? WHERE id = ?"));
  Write->setDouble(1, Balance * 1.05 - Fee);
  Write->setInt(2, AccountId);
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read the row with SELECT ... FOR UPDATE inside the transaction that writes it, or make the UPDATE conditional on the value read (AND balance = <value read> in its WHERE) and check how many rows it changed
  return Write->executeUpdate() == 1;
}
