// Racy, and the new balance computed in C++ is returned after the UPDATE.
// MySQL and MariaDB have no UPDATE ... RETURNING, so the rewrite note says
// to read the new value back inside the same transaction instead of using
// the one computed from a read that may be stale.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>

int withdraw(sql::Connection *Con, int AccountId, int Amount) {
  std::unique_ptr<sql::PreparedStatement> Read(Con->prepareStatement("SELECT balance FROM accounts WHERE id = ?"));
  Read->setInt(1, AccountId);
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  std::unique_ptr<sql::ResultSet> Rs(Read->executeQuery());
  if (!Rs->next())
    return -1;
  const int Balance = Rs->getInt(1);

  std::unique_ptr<sql::PreparedStatement> Write(Con->prepareStatement("UPDATE accounts SET balance = ? WHERE id = ?"));
  const int Left = Balance - Amount;
  Write->setInt(1, Left);
  Write->setInt(2, AccountId);
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (MySQL/MariaDB): UPDATE accounts SET balance = balance - ? WHERE id = ?, binding the change instead of the new value; the code uses the new value, so read it back in the same transaction (MySQL/MariaDB have no UPDATE ... RETURNING)
  Write->executeUpdate();
  return Left;
}
