// Page-view and stock counters. Both functions read a number into C++, change
// it there and write it back, so two concurrent callers can overwrite each
// other's change (a lost update).
#include "signup/counters.h"
#include "signup/db.h"

#include <cstdlib>
#include <string>

namespace signup {

long recordPageView(sqlite3 *Db, const std::string &Page) {
  // Make sure the page has a row; this part is atomic on its own.
  sqlite3_stmt *Ensure = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO page_views(page, views) VALUES (?, 0) ON CONFLICT (page) DO NOTHING", -1,
                     &Ensure, nullptr);
  sqlite3_bind_text(Ensure, 1, Page.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(Ensure);
  sqlite3_finalize(Ensure);

  // Read the current total...
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT views FROM page_views WHERE page = ?", -1, &Read, nullptr);
  sqlite3_bind_text(Read, 1, Page.c_str(), -1, SQLITE_TRANSIENT);
  long Views = 0;
  if (sqlite3_step(Read) == SQLITE_ROW)
    Views = sqlite3_column_int64(Read, 0);
  sqlite3_finalize(Read);

  // ...and store total + 1, computed in C++.
  ++Views;
  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE page_views SET views = ? WHERE page = ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, Views);
  sqlite3_bind_text(Write, 2, Page.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(Write);
  sqlite3_finalize(Write);
  return Views;
}

bool reserveStock(PGconn *Conn, const std::string &Sku, int Quantity) {
  const char *Key[] = {Sku.c_str()};
  PgResult Current(PQexecParams(Conn, "SELECT quantity FROM stock WHERE sku = $1", 1, nullptr, Key, nullptr, nullptr, 0));
  if (!Current.ok() || PQntuples(Current.get()) == 0)
    return false;
  const int Available = std::atoi(PQgetvalue(Current.get(), 0, 0));
  if (Available < Quantity)
    return false;

  const std::string Left = std::to_string(Available - Quantity);
  const char *Params[] = {Sku.c_str(), Left.c_str()};
  PgResult Updated(PQexecParams(Conn, "UPDATE stock SET quantity = $2 WHERE sku = $1", 2, nullptr, Params, nullptr,
                                nullptr, 0));
  return Updated.ok();
}

} // namespace signup
