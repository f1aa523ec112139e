// Racy: as cppconn-count-get-int.cpp, but the count is read only when next()
// found the row: "Rs->next() ? Rs->getInt(1) : 0". A zero count still leads
// to the insert, and two concurrent requests can both count 0 and both
// insert the favourite.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>

void addFavourite(sql::Connection *Con, int UserId, int ProductId) {
  std::unique_ptr<sql::PreparedStatement> Count(Con->prepareStatement("SELECT COUNT(*) FROM favourites WHERE user_id = ? AND product_id = ?"));
  Count->setInt(1, UserId);
  Count->setInt(2, ProductId);
  std::unique_ptr<sql::ResultSet> Rs(Count->executeQuery());
  const int Existing = Rs->next() ? Rs->getInt(1) : 0;
  if (Existing == 0) {
    std::unique_ptr<sql::PreparedStatement> Add(Con->prepareStatement("INSERT INTO favourites(user_id, product_id) VALUES (?, ?)"));
    Add->setInt(1, UserId);
    Add->setInt(2, ProductId);
    // FIXME(analyzer): a COUNT read on one arm of a ?: guarded by next() (same with "if (Rs->next()) Existing = Rs->getInt(1);") is forgotten where the paths join, so the insert is not paired with the check.
    // todo-expect: sqlrace-check-then-insert insert into 'favourites' ...*
    Add->execute();
  }
}
