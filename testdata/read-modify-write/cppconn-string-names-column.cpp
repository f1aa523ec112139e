// Racy: a correction is written with a memo whose text names the column,
// with an '=' and a '?' in it: 'balance = ? after review'. The rewrite and
// the fix-it change the assignment of balance, not the memo: the statement
// is read by the SQL tokenizer, and the '?' in the string is no placeholder.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <memory>

bool correct(sql::Connection *Con, int AccountId, int Amount) {
  std::unique_ptr<sql::PreparedStatement> Read(Con->prepareStatement("SELECT balance FROM accounts WHERE id = ?"));
  Read->setInt(1, AccountId);
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  std::unique_ptr<sql::ResultSet> Rs(Read->executeQuery());
  if (!Rs->next())
    return false;
  const int Balance = Rs->getInt(1);

  std::unique_ptr<sql::PreparedStatement> Write(Con->prepareStatement("UPDATE accounts SET memo = 'balance = ? after review', balance = ? WHERE id = ?"));
  Write->setInt(1, Balance - Amount);
  Write->setInt(2, AccountId);
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (MySQL/MariaDB): UPDATE accounts SET memo = 'balance = ? after review', balance = balance - ? WHERE id = ?, binding the change instead of the new value
  return Write->executeUpdate() == 1;
}
