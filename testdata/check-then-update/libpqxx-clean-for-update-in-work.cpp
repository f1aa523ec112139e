// Clean: SELECT ... FOR UPDATE in the same pqxx::work as the UPDATE. The post
// row stays locked until commit(), so nobody can archive it between the test
// and the publish; a concurrent editor waits and then sees 'published'.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool publish(pqxx::connection &Conn, int PostId) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT status FROM posts WHERE id = $1 FOR UPDATE", PostId);
  if (R.empty() || R[0][0].as<std::string>() != "draft")
    return false;
  // ok: sqlrace-check-then-update
  W.exec_params("UPDATE posts SET status = 'published', published_at = now() WHERE id = $1", PostId);
  W.commit();
  return true;
}
