// Racy: a product's rating sum is read from Result::front() with
// as<double>(), the new vote is added in C++ and the sum written back.
// Two votes at once both add to the same old sum; one vote is lost.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>

void rate(const drogon::orm::DbClientPtr &Db, int ProductId, double Stars) {
  // note: sqlrace-read-modify-write 'rating_sum' read from 'products' here, keyed on (id)
  auto Read = Db->execSqlSync("SELECT rating_sum FROM products WHERE id = $1", ProductId);
  double Sum = Read.front()[0].as<double>();
  Sum += Stars;
  // expect: sqlrace-read-modify-write update of 'products.rating_sum' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE products SET rating_sum = rating_sum + $1 WHERE id = $2, binding the change instead of the new value
  Db->execSqlSync("UPDATE products SET rating_sum = $1 WHERE id = $2", Sum, ProductId);
}
