// Clean: the settings document is read only to skip a no-op, and the change is
// applied by the server with jsonb_set(settings, ...), a self-relative write:
// keys another client saved in between are kept.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void setTheme(pqxx::connection &Conn, int UserId, const std::string &Theme) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT settings FROM profiles WHERE user_id = $1", UserId);
  const std::string Doc = R[0][0].as<std::string>();
  // ok: sqlrace-read-modify-write
  W.exec_params("UPDATE profiles SET settings = jsonb_set(settings, '{theme}', to_jsonb($2::text)) WHERE user_id = $1", UserId, Theme);
  W.commit();
}
