// ARGS: -- -std=c++17
// A rule's "when" condition on an argument whose value is ~0ull (ApiModel).
#include <sql.h>
#include <sqlext.h>
void f(SQLHDBC Dbc) {
  SQLSetConnectAttr(Dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)~0ull, 0);
}
