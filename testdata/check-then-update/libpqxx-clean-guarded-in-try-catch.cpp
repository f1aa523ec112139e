// Clean: the look-alike of libpqxx-update-in-try-catch.cpp with the test
// restated in the UPDATE (AND status = 'pending') and affected_rows()
// checked inside the try block: a booking cancelled in between changes 0
// rows and is reported as not confirmed.
// REQUIRES: pkg(libpqxx)
#include <iostream>
#include <pqxx/pqxx>
#include <string>

bool confirm(pqxx::connection &Conn, int BookingId) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT status FROM bookings WHERE id = $1", BookingId);
  if (R.empty() || R[0][0].as<std::string>() != "pending")
    return false;
  try {
    // ok: sqlrace-check-then-update
    pqxx::result U = W.exec_params("UPDATE bookings SET status = 'confirmed' WHERE id = $1 AND status = 'pending'", BookingId);
    if (U.affected_rows() != 1)
      return false;
    W.commit();
  } catch (const pqxx::sql_error &E) {
    std::cerr << "confirm failed: " << E.what() << '\n';
    return false;
  }
  return true;
}
