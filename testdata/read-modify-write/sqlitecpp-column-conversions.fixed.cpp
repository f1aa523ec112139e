// Racy, three times in autocommit: a value is taken from the row through the
// implicit SQLite::Column conversions to long (operator int64_t) and double,
// or with getUInt(), changed in C++ and bound back. Two clients that read the same
// value both write their own result, and one change is lost.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

void addVisits(SQLite::Database &Db, const std::string &Page, long Visits) {
  SQLite::Statement Read(Db, "SELECT visits FROM pages WHERE path = ?");
  Read.bind(1, Page);
  // note: sqlrace-read-modify-write 'visits' read from 'pages' here, keyed on (path)
  if (!Read.executeStep())
    return;
  const long Current = Read.getColumn(0);
  SQLite::Statement Write(Db, "UPDATE pages SET visits = visits + ? WHERE path = ?");
  Write.bind(1, Visits);
  Write.bind(2, Page);
  // expect: sqlrace-read-modify-write update of 'pages.visits' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (SQLite): UPDATE pages SET visits = visits + ? WHERE path = ?, binding the change instead of the new value
  Write.exec();
}

void addRating(SQLite::Database &Db, int ProductId, double Stars) {
  SQLite::Statement Read(Db, "SELECT rating_sum FROM products WHERE id = ?");
  Read.bind(1, ProductId);
  // note: sqlrace-read-modify-write 'rating_sum' read from 'products' here, keyed on (id)
  if (!Read.executeStep())
    return;
  const double Sum = Read.getColumn(0);
  SQLite::Statement Write(Db, "UPDATE products SET rating_sum = ? WHERE id = ?");
  Write.bind(1, Sum + Stars);
  Write.bind(2, ProductId);
  // expect: sqlrace-read-modify-write update of 'products.rating_sum' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (SQLite): UPDATE products SET rating_sum = rating_sum + ? WHERE id = ?, binding the change instead of the new value
  Write.exec();
}

void addSeats(SQLite::Database &Db, int ShowId, unsigned Seats) {
  SQLite::Statement Read(Db, "SELECT seats_free FROM shows WHERE id = ?");
  Read.bind(1, ShowId);
  // note: sqlrace-read-modify-write 'seats_free' read from 'shows' here, keyed on (id)
  if (!Read.executeStep())
    return;
  const unsigned Free = Read.getColumn(0).getUInt();
  SQLite::Statement Write(Db, "UPDATE shows SET seats_free = seats_free + ? WHERE id = ?");
  Write.bind(1, Seats);
  Write.bind(2, ShowId);
  // expect: sqlrace-read-modify-write update of 'shows.seats_free' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (SQLite): UPDATE shows SET seats_free = seats_free + ? WHERE id = ?, binding the change instead of the new value
  Write.exec();
}
