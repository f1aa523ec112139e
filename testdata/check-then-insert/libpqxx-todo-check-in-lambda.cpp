// Known false negative: the existence check is wrapped in a local lambda and
// the INSERT is guarded by a call to it. The lambda body is a separate
// function to the analysis, so the check is not connected to the insert.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void addBookmark(pqxx::connection &Conn, int UserId, const std::string &Url) {
  pqxx::work W(Conn);
  auto AlreadySaved = [&] {
    return !W.exec_params("SELECT 1 FROM bookmarks WHERE user_id = $1 AND url = $2", UserId, Url).empty();
  };
  if (!AlreadySaved()) {
    // todo-expect: sqlrace-check-then-insert insert into 'bookmarks' can race ...*
    W.exec_params("INSERT INTO bookmarks(user_id, url) VALUES ($1, $2)", UserId, Url);
  }
  W.commit();
}
