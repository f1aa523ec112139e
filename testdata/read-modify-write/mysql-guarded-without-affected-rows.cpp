// Racy: the UPDATE restates the version it read (AND version = %ld) and bumps
// it, which is the right optimistic form, but the code never calls
// mysql_affected_rows(). When another editor saved first, the UPDATE changes
// 0 rows and the caller still reports the profile as saved.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool addFollower(MYSQL *Conn, long ProfileId) {
  char Sql[256];
  snprintf(Sql, sizeof Sql, "SELECT followers, version FROM profiles WHERE id = %ld", ProfileId);
  // note: sqlrace-read-modify-write 'followers' read from 'profiles' here, keyed on (id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  if (!Row) {
    mysql_free_result(Res);
    return false;
  }
  const long Followers = atol(Row[0]);
  const long Version = atol(Row[1]);
  mysql_free_result(Res);
  snprintf(Sql, sizeof Sql, "UPDATE profiles SET followers = %ld, version = version + 1 WHERE id = %ld AND version = %ld", Followers + 1, ProfileId, Version);
  // expect: sqlrace-read-modify-write update of 'profiles.followers' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write the UPDATE re-checks a condition in its WHERE, but the code never looks at how many rows it changed
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET followers = followers + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  return mysql_query(Conn, Sql) == 0;
}
