// Racy: a product's rating sum is read from Result::front() with
// as<double>(), the new vote is added in C++ and the sum written back.
// Two votes at once both add to the same old sum; one vote is lost.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>

void rate(const drogon::orm::DbClientPtr &Db, int ProductId, double Stars) {
  auto Read = Db->execSqlSync("SELECT rating_sum FROM products WHERE id = $1", ProductId);
  double Sum = Read.front()[0].as<double>();
  Sum += Stars;
  // expect: sqlrace-read-modify-write update of 'products.rating_sum' writes back ...*
  Db->execSqlSync("UPDATE products SET rating_sum = $1 WHERE id = $2", Sum, ProductId);
}
