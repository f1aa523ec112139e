// Racy: the average rating and vote count are read with getDouble() and
// getInt(), the new average is computed in C++ and written back. Two votes at
// once read the same average and the second write drops the first vote. The
// value is not "read +/- change", so the note gives the generic advice.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>

void rate(SQLite::Database &Db, int ProductId, int Stars) {
  SQLite::Statement Read(Db, "SELECT avg_rating, votes FROM products WHERE id = ?");
  Read.bind(1, ProductId);
  // note: sqlrace-read-modify-write 'avg_rating' read from 'products' here, keyed on (id)
  if (!Read.executeStep())
    return;
  const double Avg = Read.getColumn(0).getDouble();
  const int Votes = Read.getColumn(1).getInt();
  const double NewAvg = (Avg * Votes + Stars) / (Votes + 1);

  SQLite::Statement Write(Db, "UPDATE products SET avg_rating = ? WHERE id = ?");
  Write.bind(1, NewAvg);
  Write.bind(2, ProductId);
  // expect: sqlrace-read-modify-write update of 'products.avg_rating' writes back ...*
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read and write the row inside one BEGIN IMMEDIATE transaction, or make the UPDATE conditional on the value read (AND avg_rating = <value read> in its WHERE) and check how many rows it changed
  Write.exec();
}
