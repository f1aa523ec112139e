// Racy: the number of favourites of this user for this product is read with
// getInt(1); when it is zero, the favourite is inserted. A double tap on the
// heart icon sends two requests that can both count 0 and both insert.
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
  // note: sqlrace-check-then-insert existence of a 'favourites' row checked here, keyed on (user_id, product_id)
  std::unique_ptr<sql::ResultSet> Rs(Count->executeQuery());
  Rs->next();
  const int Existing = Rs->getInt(1);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Existing == 0) {
    std::unique_ptr<sql::PreparedStatement> Add(Con->prepareStatement("INSERT INTO favourites(user_id, product_id) VALUES (?, ?)"));
    Add->setInt(1, UserId);
    Add->setInt(2, ProductId);
    // expect: sqlrace-check-then-insert insert into 'favourites' ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO favourites(user_id, product_id) VALUES (?, ?), backed by a UNIQUE constraint on favourites (user_id, product_id) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE user_id = user_id is stricter)
    Add->execute();
  }
}
