// Clean: the settings document is read only to hand the old version back to
// the caller (for "undo"); the change itself is applied by the server with
// jsonb_set(settings, ...), a self-relative write that keeps any key another
// client saved in between.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

std::string setTheme(pqxx::connection &Conn, int UserId, const std::string &Theme) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT settings FROM profiles WHERE user_id = $1", UserId);
  const std::string Previous = R.empty() ? std::string("{}") : R[0][0].as<std::string>();
  // ok: sqlrace-read-modify-write
  W.exec_params("UPDATE profiles SET settings = jsonb_set(settings, '{theme}', to_jsonb($2::text)) WHERE user_id = $1", UserId, Theme);
  W.commit();
  return Previous;
}
