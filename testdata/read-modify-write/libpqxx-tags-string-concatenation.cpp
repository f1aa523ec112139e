// Racy: an article's tags are a comma-separated string; a tag is appended by
// concatenating strings in C++ and the whole list is written back, so a tag
// another editor added in between is lost. The '+' joins strings, not
// numbers: the note does not offer SET tags = tags + <change>, which is no
// string concatenation in SQL, but the row lock and the conditional UPDATE.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void addTag(pqxx::connection &Conn, int ArticleId, const std::string &Tag) {
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'tags' read from 'articles' here, keyed on (id)
  pqxx::result R = W.exec_params("SELECT tags FROM articles WHERE id = $1", ArticleId);
  if (R.empty())
    return;
  const std::string Tags = R[0][0].as<std::string>();
  // expect: sqlrace-read-modify-write update of 'articles.tags' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read the row with SELECT ... FOR UPDATE inside the transaction that writes it, or make the UPDATE conditional on the value read (AND tags = <value read> in its WHERE) and check how many rows it changed
  W.exec_params("UPDATE articles SET tags = $2 WHERE id = $1", ArticleId, Tags + "," + Tag);
  W.commit();
}
