// Racy: the status is copied into a std::string and compared with "draft" in
// C++; the UPDATE that publishes does not restate it. The plain SELECT inside
// pqxx::work (READ COMMITTED) locks nothing, so a post archived in between
// is published anyway.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool publish(pqxx::connection &Conn, int PostId) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-update 'posts' row read here, keyed on (id)
  pqxx::result R = W.exec_params("SELECT status FROM posts WHERE id = $1", PostId);
  if (R.empty())
    return false;
  const std::string Status = R[0][0].as<std::string>();
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (Status == "draft") {
    // expect: sqlrace-check-then-update update of 'posts' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
    // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
    W.exec_params("UPDATE posts SET status = 'published', published_at = now() WHERE id = $1", PostId);
    W.commit();
    return true;
  }
  return false;
}
