// Clean: the INSERT is wrapped in try/catch for pqxx::unique_violation. When
// a concurrent client wins the race, the UNIQUE constraint on
// coupons(code) rejects the second row and the caller is told "taken".
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>
#include <string>

bool createCoupon(pqxx::connection &Conn, const std::string &Code, int Percent) {
  pqxx::work Tx(Conn);
  if (Tx.exec_params("SELECT 1 FROM coupons WHERE code = $1", Code).size() != 0)
    return false;
  try {
    // ok: sqlrace-check-then-insert
    Tx.exec_params("INSERT INTO coupons(code, percent) VALUES ($1, $2)", Code, Percent);
    Tx.commit();
  } catch (const pqxx::unique_violation &) {
    return false;
  }
  return true;
}
