// Racy: COUNT(*) of the day's bookings for the room is fetched with
// SQLGetData() into an SQLINTEGER, and a zero count leads to the insert.
// Two customers booking the same room for the same day can both count 0.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

bool book(SQLHDBC Dbc, SQLINTEGER RoomId, SQLCHAR *Day, SQLINTEGER GuestId) {
  SQLLEN DayLen = SQL_NTS;
  SQLHSTMT Count;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Count);
  SQLPrepare(Count, (SQLCHAR *)"SELECT COUNT(*) FROM bookings WHERE room_id = ? AND day = ?", SQL_NTS);
  SQLBindParameter(Count, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &RoomId, 0, nullptr);
  SQLBindParameter(Count, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0, Day, 0, &DayLen);
  // note: sqlrace-check-then-insert existence of a 'bookings' row checked here, keyed on (room_id, day)
  SQLExecute(Count);
  SQLFetch(Count);
  SQLINTEGER Taken = 0;
  SQLGetData(Count, 1, SQL_C_LONG, &Taken, 0, nullptr);
  SQLFreeHandle(SQL_HANDLE_STMT, Count);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Taken > 0)
    return false;

  SQLHSTMT Add;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
  SQLPrepare(Add, (SQLCHAR *)"INSERT INTO bookings(room_id, day, guest_id) VALUES (?, ?, ?)", SQL_NTS);
  SQLBindParameter(Add, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &RoomId, 0, nullptr);
  SQLBindParameter(Add, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0, Day, 0, &DayLen);
  SQLBindParameter(Add, 3, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &GuestId, 0, nullptr);
  // expect: sqlrace-check-then-insert insert into 'bookings' ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on bookings (room_id, day) and use the dialect's insert-if-absent form or handle the unique violation
  const SQLRETURN Rc = SQLExecute(Add);
  SQLFreeHandle(SQL_HANDLE_STMT, Add);
  return SQL_SUCCEEDED(Rc);
}
