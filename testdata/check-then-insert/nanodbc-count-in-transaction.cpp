// Racy: inside a nanodbc::transaction (autocommit off, the driver's default
// isolation, READ COMMITTED on most servers) the seats already booked are
// counted with nanodbc::execute(connection&, sql) and result::get<int>(0);
// the booking is inserted when the count is 0. Two bookings of the same seat
// can both count 0 before either commits.
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>
#include <string>

bool bookSeat(nanodbc::connection &Conn, int ShowId, const std::string &Seat) {
  nanodbc::transaction Txn(Conn);
  // note: sqlrace-check-then-insert existence of a 'bookings' row checked here, keyed on (show_id, seat)
  // note: sqlrace-check-then-insert this SQL is partly unknown at analysis time; its table and key come from the known parts
  nanodbc::result Count = nanodbc::execute(Conn, "SELECT COUNT(*) FROM bookings WHERE show_id = " + std::to_string(ShowId) + " AND seat = '" + Seat + "'");
  Count.next();
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Count.get<int>(0) != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'bookings' can race ...*
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on bookings (show_id, seat) and use the dialect's insert-if-absent form or handle the unique violation
  // note: sqlrace-check-then-insert SQL partly unknown at analysis time; the rewrite keeps the known parts
  nanodbc::just_execute(Conn, "INSERT INTO bookings(show_id, seat) VALUES (" + std::to_string(ShowId) + ", '" + Seat + "')");
  Txn.commit();
  return true;
}
