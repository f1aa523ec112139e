// Known false negative: the state test lives in a helper (isPublishable) that
// receives the whole result. The path to the UPDATE is decided by the status
// read from the row exactly as in libpqxx-publish-draft-string.cpp, but the
// analysis does not look into the helper, so nothing is reported today.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

static bool isPublishable(const pqxx::result &Post) {
  return Post.size() == 1 && Post[0][0].as<std::string>() == "draft";
}

bool publish(pqxx::connection &Conn, int PostId) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT status FROM posts WHERE id = $1", PostId);
  if (!isPublishable(R))
    return false;
  // todo-expect: sqlrace-check-then-update update of 'posts' depends on a state read earlier...*
  W.exec_params("UPDATE posts SET status = 'published', published_at = now() WHERE id = $1", PostId);
  W.commit();
  return true;
}
