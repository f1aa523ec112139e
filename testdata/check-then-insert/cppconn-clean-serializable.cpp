// Clean: SET TRANSACTION ISOLATION LEVEL SERIALIZABLE applies to the
// transaction START TRANSACTION opens. InnoDB then runs the COUNT(*) as a
// locking read with next-key locks, so a concurrent insert of the same
// coupon code blocks (or deadlocks and retries) instead of duplicating it.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>
#include <string>

bool addCoupon(sql::Connection *Con, const std::string &Code, int Percent) {
  std::unique_ptr<sql::Statement> Txn(Con->createStatement());
  Txn->execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  Txn->execute("START TRANSACTION");
  std::unique_ptr<sql::PreparedStatement> Count(Con->prepareStatement("SELECT COUNT(*) FROM coupons WHERE code = ?"));
  Count->setString(1, Code);
  std::unique_ptr<sql::ResultSet> Rs(Count->executeQuery());
  Rs->next();
  if (Rs->getInt(1) > 0) {
    Con->rollback();
    return false;
  }
  std::unique_ptr<sql::PreparedStatement> Add(Con->prepareStatement("INSERT INTO coupons(code, percent) VALUES (?, ?)"));
  Add->setString(1, Code);
  Add->setInt(2, Percent);
  // ok: sqlrace-check-then-insert
  Add->executeUpdate();
  Con->commit();
  return true;
}
