// Clean: the look-alike of mysql-update-in-try-catch.cpp with the test
// restated in the UPDATE (AND status = 'pending') and mysql_affected_rows()
// checked inside the try block. The SET always changes the row, so a count
// of 0 can only mean that an administrator blocked the account in between.
// REQUIRES: pkg(libmariadb)
#include <cstring>
#include <exception>
#include <mysql.h>
#include <stdexcept>
#include <string>

bool activate(MYSQL *Conn, long AccountId) {
  const std::string Id = std::to_string(AccountId);
  try {
    if (mysql_query(Conn, ("SELECT status FROM accounts WHERE id = " + Id).c_str()) != 0)
      throw std::runtime_error(mysql_error(Conn));
    MYSQL_RES *Res = mysql_store_result(Conn);
    MYSQL_ROW Row = mysql_fetch_row(Res);
    const bool Pending = Row && strcmp(Row[0], "pending") == 0;
    mysql_free_result(Res);
    if (!Pending)
      return false;
    const std::string Update = "UPDATE accounts SET status = 'active' WHERE id = " + Id + " AND status = 'pending'";
    // ok: sqlrace-check-then-update
    if (mysql_query(Conn, Update.c_str()) != 0)
      throw std::runtime_error(mysql_error(Conn));
    return mysql_affected_rows(Conn) == 1;
  } catch (const std::exception &) {
    return false;
  }
}
