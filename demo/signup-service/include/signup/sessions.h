// Login sessions, stored in PostgreSQL.
#ifndef SIGNUP_SESSIONS_H
#define SIGNUP_SESSIONS_H

#include <libpq-fe.h>
#include <string>

namespace signup {

/// Records the session Token for AccountId; false on a database error. Storing
/// the same token twice is harmless.
bool openSession(PGconn *Conn, const std::string &Token, long AccountId);

/// Counts one request made with Token.
bool touchSession(PGconn *Conn, const std::string &Token);

} // namespace signup

#endif
