// Clean: pqxx::transaction<pqxx::repeatable_read>. In PostgreSQL, REPEATABLE
// READ already stops the lost update: the second writer of the row fails with
// 40001 ("could not serialize access due to concurrent update") and retries.
// (MySQL/MariaDB's REPEATABLE READ does not; this is PostgreSQL only.)
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void sellOne(pqxx::connection &Conn, int ItemId) {
  pqxx::transaction<pqxx::repeatable_read> T(Conn);
  pqxx::result R = T.exec_params("SELECT stock FROM items WHERE id = $1", ItemId);
  const int Stock = R[0][0].as<int>();
  // ok: sqlrace-read-modify-write
  T.exec_params("UPDATE items SET stock = $2 WHERE id = $1", ItemId, Stock - 1);
  T.commit();
}
