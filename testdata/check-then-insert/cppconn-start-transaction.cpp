// Racy: START TRANSACTION at InnoDB's default REPEATABLE READ. A plain
// SELECT there is a consistent (non-locking) read that takes no gap lock, so
// two clients can both count zero coupons with the code and both insert it.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>
#include <string>

bool addCoupon(sql::Connection *Con, const std::string &Code, int Percent) {
  std::unique_ptr<sql::Statement> Txn(Con->createStatement());
  Txn->execute("START TRANSACTION");
  std::unique_ptr<sql::PreparedStatement> Count(Con->prepareStatement("SELECT COUNT(*) FROM coupons WHERE code = ?"));
  Count->setString(1, Code);
  // note: sqlrace-check-then-insert existence of a 'coupons' row checked here, keyed on (code)
  std::unique_ptr<sql::ResultSet> Rs(Count->executeQuery());
  Rs->next();
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Rs->getInt(1) > 0) {
    Con->rollback();
    return false;
  }
  std::unique_ptr<sql::PreparedStatement> Add(Con->prepareStatement("INSERT INTO coupons(code, percent) VALUES (?, ?)"));
  Add->setString(1, Code);
  Add->setInt(2, Percent);
  // expect: sqlrace-check-then-insert insert into 'coupons' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO coupons(code, percent) VALUES (?, ?), backed by a UNIQUE constraint on coupons (code) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE code = code is stricter)
  Add->executeUpdate();
  Con->commit();
  return true;
}
