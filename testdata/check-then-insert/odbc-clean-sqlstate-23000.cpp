// Clean: when the INSERT fails, SQLGetDiagRec() reads the SQLSTATE of the
// statement handle and strcmp() compares it with "23000" (integrity
// constraint violation), so a duplicate inserted by a concurrent client
// between the check and the insert is recognised and handled.
// REQUIRES: pkg(odbc)
#include <cstring>
#include <sql.h>
#include <sqlext.h>

enum class Result { Created, Taken, Failed };

Result claimHandle(SQLHDBC Dbc, SQLCHAR *Handle) {
  SQLLEN HandleLen = SQL_NTS;
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  SQLPrepare(Find, (SQLCHAR *)"SELECT 1 FROM handles WHERE handle = ?", SQL_NTS);
  SQLBindParameter(Find, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, Handle, 0, &HandleLen);
  SQLExecute(Find);
  if (SQLFetch(Find) != SQL_NO_DATA)
    return Result::Taken;

  SQLHSTMT Add;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
  SQLPrepare(Add, (SQLCHAR *)"INSERT INTO handles(handle) VALUES (?)", SQL_NTS);
  SQLBindParameter(Add, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, Handle, 0, &HandleLen);
  // ok: sqlrace-check-then-insert
  const SQLRETURN Rc = SQLExecute(Add);
  if (Rc == SQL_ERROR) {
    SQLCHAR State[6] = {0};
    SQLINTEGER Native = 0;
    SQLCHAR Message[256];
    SQLSMALLINT MessageLen = 0;
    SQLGetDiagRec(SQL_HANDLE_STMT, Add, 1, State, &Native, Message, sizeof Message, &MessageLen);
    if (std::strcmp(reinterpret_cast<const char *>(State), "23000") == 0)
      return Result::Taken; // taken in the meantime
    return Result::Failed;
  }
  return Result::Created;
}
