// Racy: the UPDATE runs in a try block that catches pqxx::sql_error. The
// error handling is correct, but the pqxx::work is READ COMMITTED and the
// UPDATE does not restate the status tested in C++: a cancellation committed
// in between is overwritten with 'confirmed' without any error.
// REQUIRES: pkg(libpqxx)
#include <iostream>
#include <pqxx/pqxx>
#include <string>

bool confirm(pqxx::connection &Conn, int BookingId) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-update 'bookings' row read here, keyed on (id)
  pqxx::result R = W.exec_params("SELECT status FROM bookings WHERE id = $1", BookingId);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (R.empty() || R[0][0].as<std::string>() != "pending")
    return false;
  try {
    // expect: sqlrace-check-then-update update of 'bookings' depends on a state read earlier...*
    // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
    W.exec_params("UPDATE bookings SET status = 'confirmed' WHERE id = $1", BookingId);
    W.commit();
  } catch (const pqxx::sql_error &E) {
    std::cerr << "confirm failed: " << E.what() << '\n';
    return false;
  }
  return true;
}
