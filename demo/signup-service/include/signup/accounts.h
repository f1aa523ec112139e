// Account signup and lookup, stored in PostgreSQL.
#ifndef SIGNUP_ACCOUNTS_H
#define SIGNUP_ACCOUNTS_H

#include <libpq-fe.h>
#include <optional>
#include <string>

namespace signup {

enum class SignupResult { Created, EmailTaken, Failed };

/// Creates an account for Email unless one exists.
SignupResult signUp(PGconn *Conn, const std::string &Email, const std::string &DisplayName);

/// Returns the account id for Email, if there is one.
std::optional<long> findAccount(PGconn *Conn, const std::string &Email);

} // namespace signup

#endif
