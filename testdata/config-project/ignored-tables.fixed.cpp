// The config's "check_options" gives sqlrace-read-modify-write the option
// "ignored_tables": ["audit_*"]: the lost update on audit_counters (a table
// only one job writes) is dropped, the same code on page_views is reported,
// and the other checks still see audit_* tables.
// ARGS: -- -std=c++17
#include "app_db.h"

void countAudit(app::Db &Db, long Id) {
  app::Rows Row = Db.query("SELECT hits FROM audit_counters WHERE id = $1", Id);
  if (Row.empty())
    return;
  long Hits = Row.number(0, 0);
  // ok: sqlrace-read-modify-write
  Db.run("UPDATE audit_counters SET hits = $1 WHERE id = $2", Hits + 1, Id);
}

void countView(app::Db &Db, long Id) {
  // note: sqlrace-read-modify-write 'views' read from 'page_views' here, keyed on (id)
  app::Rows Row = Db.query("SELECT views FROM page_views WHERE id = $1", Id);
  if (Row.empty())
    return;
  long Views = Row.number(0, 0);
  // expect: sqlrace-read-modify-write update of 'page_views.views' writes back ...*
  // note: sqlrace-read-modify-write no row lock ...*
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE page_views SET views = views + $1 WHERE id = $2, binding the change instead of the new value
  Db.run("UPDATE page_views SET views = views + $1 WHERE id = $2", 1, Id);
}

bool addAuditEntry(app::Db &Db, const std::string &Key) {
  // note: sqlrace-check-then-insert existence of a 'audit_entries' row checked here, keyed on (key)
  app::Rows Found = Db.query("SELECT 1 FROM audit_entries WHERE key = $1", Key);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Found.empty())
    return false;
  // expect: sqlrace-check-then-insert insert into 'audit_entries' can race ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite ...*
  Db.run("INSERT INTO audit_entries(key) VALUES ($1)", Key);
  return true;
}
