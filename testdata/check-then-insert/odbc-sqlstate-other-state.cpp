// Racy: the SQLSTATE that SQLGetDiagRec() reads after a failed insert is
// compared with "40001" (serialization failure) only; a duplicate inserted by
// a concurrent client between the check and the insert is not handled.
// REQUIRES: pkg(odbc)
#include <cstring>
#include <sql.h>
#include <sqlext.h>

bool claimSlot(SQLHDBC Dbc, SQLCHAR *Slot) {
  SQLLEN SlotLen = SQL_NTS;
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  SQLPrepare(Find, (SQLCHAR *)"SELECT 1 FROM slots WHERE code = ?", SQL_NTS);
  SQLBindParameter(Find, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 32, 0, Slot, 0, &SlotLen);
  // note: sqlrace-check-then-insert existence of a 'slots' row checked here, keyed on (code)
  SQLExecute(Find);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (SQLFetch(Find) != SQL_NO_DATA)
    return false;
  SQLHSTMT Add;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
  SQLPrepare(Add, (SQLCHAR *)"INSERT INTO slots(code) VALUES (?)", SQL_NTS);
  SQLBindParameter(Add, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 32, 0, Slot, 0, &SlotLen);
  // expect: sqlrace-check-then-insert insert into 'slots' ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on slots (code) and use the dialect's insert-if-absent form or handle the unique violation
  if (SQLExecute(Add) == SQL_ERROR) {
    SQLCHAR State[6] = {0};
    SQLINTEGER Native = 0;
    SQLSMALLINT MessageLen = 0;
    SQLGetDiagRec(SQL_HANDLE_STMT, Add, 1, State, &Native, nullptr, 0, &MessageLen);
    if (std::strcmp(reinterpret_cast<const char *>(State), "40001") == 0)
      return claimSlot(Dbc, Slot); // retry
    return false;
  }
  return true;
}
