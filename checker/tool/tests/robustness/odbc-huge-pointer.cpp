// A rule's "when" condition compared with an argument holding ~0ull: the
// comparison aborted in APSInt::getExtValue.
#include <sql.h>
#include <sqlext.h>
void setAttributes(SQLHDBC Dbc) {
  SQLSetConnectAttr(Dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)~0ull, 0);
  SQLSetConnectAttr(Dbc, SQL_ATTR_TXN_ISOLATION, (SQLPOINTER)(unsigned __int128)~0ull, 0);
}
