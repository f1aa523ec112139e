// Clean: the write is a single INSERT ... SELECT ... WHERE NOT EXISTS that
// re-checks the key itself (backed by the UNIQUE constraint on
// settings.name); the lookup before it only avoids a round trip.
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>

void seedMotd(nanodbc::connection &Conn) {
  nanodbc::result Found = nanodbc::execute(Conn, "SELECT 1 FROM settings WHERE name = 'motd'");
  if (!Found.next())
    // ok: sqlrace-check-then-insert
    nanodbc::just_execute(Conn, "INSERT INTO settings(name, value) SELECT 'motd', 'Welcome' WHERE NOT EXISTS (SELECT 1 FROM settings WHERE name = 'motd')");
}
