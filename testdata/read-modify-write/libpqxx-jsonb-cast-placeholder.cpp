// Racy: the same lost update as libpqxx-json-document.cpp, but
// the placeholder carries a cast (SET settings = $2::jsonb), as it usually does
// for JSON columns. The written value is still the document read a moment ago.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void setLanguage(pqxx::connection &Conn, int UserId, const std::string &Lang) {
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'settings' read from 'profiles' here, keyed on (user_id)
  pqxx::result R = W.exec_params("SELECT settings FROM profiles WHERE user_id = $1", UserId);
  std::string Doc = R[0][0].as<std::string>();
  // Every document holds at least {"version":N}, so a key can go first.
  Doc.insert(1, "\"lang\":\"" + Lang + "\",");
  // expect: sqlrace-read-modify-write update of 'profiles.settings' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read the row with SELECT ... FOR UPDATE inside the transaction that writes it, or make the UPDATE conditional on the value read (AND settings = <value read> in its WHERE) and check how many rows it changed
  W.exec_params("UPDATE profiles SET settings = $2::jsonb WHERE user_id = $1", UserId, Doc);
  W.commit();
}
