// Clean: the first statement of the nanodbc::transaction is
// SET TRANSACTION ISOLATION LEVEL SERIALIZABLE; a concurrent update of the
// same row makes one of the two transactions fail (SQLSTATE 40001) instead
// of losing an update.
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>
#include <string>

void addPoints(nanodbc::connection &Conn, int CustomerId, int Earned) {
  nanodbc::transaction Txn(Conn);
  nanodbc::just_execute(Conn, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  nanodbc::result Read = nanodbc::execute(Conn, "SELECT points FROM loyalty WHERE customer_id = " + std::to_string(CustomerId));
  const int Points = Read.next() ? Read.get<int>(0) : 0;
  // ok: sqlrace-read-modify-write
  nanodbc::just_execute(Conn, "UPDATE loyalty SET points = " + std::to_string(Points + Earned) + " WHERE customer_id = " + std::to_string(CustomerId));
  Txn.commit();
}
