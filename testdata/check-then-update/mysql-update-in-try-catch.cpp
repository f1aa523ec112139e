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
    // note: sqlrace-check-then-update 'accounts' row read here, keyed on (id)
    // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
    if (mysql_query(Conn, ("SELECT status FROM accounts WHERE id = " + Id).c_str()) != 0)
      throw std::runtime_error(mysql_error(Conn));
    MYSQL_RES *Res = mysql_store_result(Conn);
    MYSQL_ROW Row = mysql_fetch_row(Res);
    const bool Pending = Row && strcmp(Row[0], "pending") == 0;
    mysql_free_result(Res);
    // note: sqlrace-check-then-update the path is decided here by a value read from that row
    if (!Pending)
      return false;
    const std::string Update = "UPDATE accounts SET status = 'active' WHERE id = " + Id;
    // expect: sqlrace-check-then-update update of 'accounts' depends on a state read earlier...*
    // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
    // note: sqlrace-check-then-update SQL partly unknown at analysis time
    if (mysql_query(Conn, Update.c_str()) != 0)
      throw std::runtime_error(mysql_error(Conn));
    return true;
  } catch (const std::exception &) {
    return false;
  }
}
