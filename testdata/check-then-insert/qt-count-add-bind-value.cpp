// Racy: COUNT(*) of the slot's bookings is read with value(0).toInt() and
// the booking is inserted when the count is zero. Positional placeholders
// are bound with addBindValue(). Two customers booking the same slot at
// once can both count 0 and both get it.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QDateTime>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool book(QSqlDatabase Db, int RoomId, const QDateTime &Start, int CustomerId) {
  QSqlQuery Count(Db);
  Count.prepare("SELECT COUNT(*) FROM bookings WHERE room_id = ? AND starts_at = ?");
  Count.addBindValue(RoomId);
  Count.addBindValue(Start);
  // note: sqlrace-check-then-insert existence of a 'bookings' row checked here, keyed on (room_id, starts_at)
  if (!Count.exec() || !Count.next())
    return false;
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Count.value(0).toInt() != 0)
    return false;

  QSqlQuery Add(Db);
  Add.prepare("INSERT INTO bookings(room_id, starts_at, customer_id) VALUES (?, ?, ?)");
  Add.addBindValue(RoomId);
  Add.addBindValue(Start);
  Add.addBindValue(CustomerId);
  // expect: sqlrace-check-then-insert insert into 'bookings' ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on bookings (room_id, starts_at) and use the dialect's insert-if-absent form or handle the unique violation
  return Add.exec();
}
