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
  nanodbc::result Count = nanodbc::execute(Conn, "SELECT COUNT(*) FROM bookings WHERE show_id = " + std::to_string(ShowId) + " AND seat = '" + Seat + "'");
  Count.next();
  if (Count.get<int>(0) != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'bookings' can race ...*
  nanodbc::just_execute(Conn, "INSERT INTO bookings(show_id, seat) VALUES (" + std::to_string(ShowId) + ", '" + Seat + "')");
  Txn.commit();
  return true;
}
