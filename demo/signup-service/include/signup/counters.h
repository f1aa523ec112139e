// Page-view and stock counters.
#ifndef SIGNUP_COUNTERS_H
#define SIGNUP_COUNTERS_H

#include <libpq-fe.h>
#include <sqlite3.h>
#include <string>

namespace signup {

/// Counts one view of Page in the local SQLite store; returns the new total.
long recordPageView(sqlite3 *Db, const std::string &Page);

/// Takes Quantity items of Sku out of stock in PostgreSQL; false when there
/// are not enough left.
bool reserveStock(PGconn *Conn, const std::string &Sku, int Quantity);

} // namespace signup

#endif
