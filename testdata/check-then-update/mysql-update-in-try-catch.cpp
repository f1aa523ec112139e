// Racy: the activation runs in a try block that turns errors into
// exceptions and catches them. The error handling is fine, but the UPDATE
// still does not restate the state tested in C++: an account blocked by an
// administrator in between is re-activated.
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
    const std::string Update = "UPDATE accounts SET status = 'active' WHERE id = " + Id;
    // expect: sqlrace-check-then-update update of 'accounts' depends on a state read earlier...*
    if (mysql_query(Conn, Update.c_str()) != 0)
      throw std::runtime_error(mysql_error(Conn));
    return true;
  } catch (const std::exception &) {
    return false;
  }
}
