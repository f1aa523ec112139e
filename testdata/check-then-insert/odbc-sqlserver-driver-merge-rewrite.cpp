// Racy, on SQL Server: the connection string names Microsoft's ODBC driver,
// so the dialect is T-SQL and the rewrite note gives SQL Server's atomic
// forms: INSERT ... SELECT ... WHERE NOT EXISTS with UPDLOCK, HOLDLOCK on the
// existence test (HOLDLOCK keeps the key range locked until the insert), or
// MERGE ... WITH (HOLDLOCK). In autocommit the check and the insert are two
// transactions, and two sessions can both find no tag and both add it.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void addTag(SQLHDBC Dbc) {
  SQLDriverConnect(Dbc, nullptr, (SQLCHAR *)"Driver={ODBC Driver 18 for SQL Server};Server=db;Database=shop;", SQL_NTS,
                   nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT);
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  // note: sqlrace-check-then-insert existence of a 'tags' row checked here, keyed on (name)
  SQLExecDirect(Find, (SQLCHAR *)"SELECT 1 FROM tags WHERE name = 'sale'", SQL_NTS);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (SQLFetch(Find) != SQL_NO_DATA)
    return;
  SQLHSTMT Add;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
  // expect: sqlrace-check-then-insert insert into 'tags' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (SQL Server): INSERT INTO tags(name) SELECT 'sale' WHERE NOT EXISTS (SELECT 1 FROM tags WITH (UPDLOCK, HOLDLOCK) WHERE name = 'sale'), or MERGE INTO tags WITH (HOLDLOCK) ... WHEN NOT MATCHED THEN INSERT, backed by a UNIQUE constraint on tags (name)
  SQLExecDirect(Add, (SQLCHAR *)"INSERT INTO tags(name) VALUES ('sale')", SQL_NTS);
}
