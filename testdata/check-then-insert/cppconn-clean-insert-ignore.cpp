// Clean: the insert is INSERT IGNORE against the UNIQUE key on
// (user_id, product_id), so a favourite inserted concurrently is skipped by
// the server instead of duplicated; the count only avoids a round trip.
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
  Rs->next();
  const int Existing = Rs->getInt(1);
  if (Existing == 0) {
    std::unique_ptr<sql::PreparedStatement> Add(Con->prepareStatement("INSERT IGNORE INTO favourites(user_id, product_id) VALUES (?, ?)"));
    Add->setInt(1, UserId);
    Add->setInt(2, ProductId);
    // ok: sqlrace-check-then-insert
    Add->execute();
  }
}
