// Clean: for each line of an order the stock is read (to display what is
// left) and decremented by the server itself (SET quantity = quantity - $2).
// The C++ value is never written back, so concurrent orders cannot lose each
// other's decrements.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <utility>
#include <vector>

std::vector<int> takeStock(pqxx::connection &Conn, const std::vector<std::pair<int, int>> &Lines) {
  pqxx::work W(Conn);
  std::vector<int> Remaining;
  for (const auto &Line : Lines) {
    pqxx::result R = W.exec_params("SELECT quantity FROM stock WHERE item_id = $1", Line.first);
    const int Before = R.empty() ? 0 : R[0][0].as<int>();
    // ok: sqlrace-read-modify-write
    W.exec_params("UPDATE stock SET quantity = quantity - $2 WHERE item_id = $1", Line.first, Line.second);
    Remaining.push_back(Before - Line.second);
  }
  W.commit();
  return Remaining;
}
