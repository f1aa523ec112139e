// Racy: the service creates its table with UNIQUE KEY uq_tags_name (name) and
// adds tags with a lookup followed by an INSERT. A concurrent insert of the
// same tag makes mysql_query() fail with ER_DUP_ENTRY (1062), and the code
// does not look at mysql_errno(): the tag is reported as failed.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void migrate(MYSQL *Conn) {
  // note: sqlrace-unhandled-unique-violation 'uq_tags_name' UNIQUE (name) rejects the duplicate
  mysql_query(Conn, "CREATE TABLE IF NOT EXISTS tags (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64) NOT NULL, "
                    "UNIQUE KEY uq_tags_name (name))");
}

bool addTag(MYSQL *Conn) {
  // note: sqlrace-unhandled-unique-violation existence of a 'tags' row checked here, keyed on (name)
  if (mysql_query(Conn, "SELECT id FROM tags WHERE name = 'urgent'") != 0)
    return false;
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool Exists = mysql_num_rows(Res) > 0;
  mysql_free_result(Res);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (Exists)
    return true;
  // expect: sqlrace-unhandled-unique-violation insert into 'tags' fails with a unique violation when a concurrent client inserted the same row after the existence check, and nothing handles that error
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO tags(name) VALUES ('urgent'), then tell a new row from an existing one by the affected-row count
  return mysql_query(Conn, "INSERT INTO tags(name) VALUES ('urgent')") == 0;
}
