// Racy: loyalty points are read from the fetched row, the points of an order
// are added in C++ and the total is concatenated into the UPDATE with
// std::to_string. Two orders of the same customer that complete together
// both read 100 and both write 100 + their own points: one order earns
// nothing.
// REQUIRES: pkg(libmariadb)
#include <cstdlib>
#include <mysql.h>
#include <string>

void addPoints(MYSQL *Conn, long CustomerId, long Earned) {
  const std::string Id = std::to_string(CustomerId);
  const std::string Select = "SELECT points FROM customers WHERE id = " + Id;
  // note: sqlrace-read-modify-write 'points' read from 'customers' here, keyed on (id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Select.c_str());
  MYSQL_RES *Res = mysql_store_result(Conn);
  if (Res == nullptr)
    return;
  long Points = 0;
  if (MYSQL_ROW Row = mysql_fetch_row(Res))
    Points = atol(Row[0]);
  mysql_free_result(Res);
  Points += Earned;
  const std::string Update = "UPDATE customers SET points = " + std::to_string(Points) + " WHERE id = " + Id;
  // expect: sqlrace-read-modify-write update of 'customers.points' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET points = points + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  mysql_query(Conn, Update.c_str());
}
