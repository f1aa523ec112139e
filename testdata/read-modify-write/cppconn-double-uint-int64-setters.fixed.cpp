// Racy, three times in autocommit: a value is read with ResultSet::getDouble(),
// getUInt() or through a flag read with getBoolean(), changed in C++ and bound
// back with setDouble(), setUInt() or setInt64(). Two clients that read the
// same value both write their own result, and one change is lost.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <memory>

void rate(sql::Connection *Con, int ProductId, double Stars) {
  std::unique_ptr<sql::PreparedStatement> Read(Con->prepareStatement("SELECT rating_sum FROM products WHERE id = ?"));
  Read->setInt(1, ProductId);
  // note: sqlrace-read-modify-write 'rating_sum' read from 'products' here, keyed on (id)
  std::unique_ptr<sql::ResultSet> Rs(Read->executeQuery());
  if (!Rs->next())
    return;
  const double Sum = Rs->getDouble(1);
  std::unique_ptr<sql::PreparedStatement> Write(Con->prepareStatement("UPDATE products SET rating_sum = ? WHERE id = ?"));
  Write->setDouble(1, Sum + Stars);
  Write->setInt(2, ProductId);
  // expect: sqlrace-read-modify-write update of 'products.rating_sum' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (MySQL/MariaDB): UPDATE products SET rating_sum = rating_sum + ? WHERE id = ?, binding the change instead of the new value
  Write->executeUpdate();
}

void restock(sql::Connection *Con, int ItemId, unsigned Added) {
  std::unique_ptr<sql::PreparedStatement> Read(Con->prepareStatement("SELECT quantity FROM stock WHERE item_id = ?"));
  Read->setInt(1, ItemId);
  // note: sqlrace-read-modify-write 'quantity' read from 'stock' here, keyed on (item_id)
  std::unique_ptr<sql::ResultSet> Rs(Read->executeQuery());
  if (!Rs->next())
    return;
  const unsigned Quantity = Rs->getUInt(1);
  std::unique_ptr<sql::PreparedStatement> Write(Con->prepareStatement("UPDATE stock SET quantity = quantity + ? WHERE item_id = ?"));
  Write->setUInt(1, Added);
  Write->setInt(2, ItemId);
  // expect: sqlrace-read-modify-write update of 'stock.quantity' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (MySQL/MariaDB): UPDATE stock SET quantity = quantity + ? WHERE item_id = ?, binding the change instead of the new value
  Write->executeUpdate();
}

void addBytes(sql::Connection *Con, int64_t AccountId, int64_t Bytes) {
  std::unique_ptr<sql::PreparedStatement> Read(Con->prepareStatement("SELECT used_bytes, frozen FROM quotas WHERE account_id = ?"));
  Read->setInt64(1, AccountId);
  // note: sqlrace-read-modify-write 'used_bytes' read from 'quotas' here, keyed on (account_id)
  std::unique_ptr<sql::ResultSet> Rs(Read->executeQuery());
  if (!Rs->next() || Rs->getBoolean(2))
    return;
  const int64_t Used = Rs->getInt64(1);
  std::unique_ptr<sql::PreparedStatement> Write(Con->prepareStatement("UPDATE quotas SET used_bytes = ? WHERE account_id = ?"));
  Write->setInt64(1, Used + Bytes);
  Write->setInt64(2, AccountId);
  // expect: sqlrace-read-modify-write update of 'quotas.used_bytes' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (MySQL/MariaDB): UPDATE quotas SET used_bytes = used_bytes + ? WHERE account_id = ?, binding the change instead of the new value
  Write->executeUpdate();
}
