// Racy for check-then-update: the page's state is read with
// Column::getText() and compared with strcmp(); the visit is counted only
// when it says "open", but the UPDATE does not re-check the state, so a page
// closed in between is still counted. The UPDATE is self-relative, so
// read-modify-write has nothing to say.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <cstring>
#include <string>

void countOpenVisit(SQLite::Database &Db, const std::string &Page) {
  SQLite::Statement Read(Db, "SELECT state FROM pages WHERE path = ?");
  Read.bind(1, Page);
  // note: sqlrace-check-then-update 'pages' row read here, keyed on (path)
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (!Read.executeStep() || std::strcmp(Read.getColumn(0).getText(), "open") != 0)
    return;
  SQLite::Statement Write(Db, "UPDATE pages SET visits = visits + 1 WHERE path = ?");
  Write.bind(1, Page);
  // ok: sqlrace-read-modify-write
  // expect: sqlrace-check-then-update update of 'pages' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read and write the row inside one BEGIN IMMEDIATE transaction
  Write.exec();
}
