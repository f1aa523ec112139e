//===- nanodbc/nanodbc.h - sqlrace test input --------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Minimal stand-in for nanodbc/nanodbc.h of nanodbc 2.14.0 (nanodbc/nanodbc,
// tag v2.14.0), which Debian does not ship. It declares only the public
// signatures the sqlrace tests use, in the build without
// NANODBC_ENABLE_UNICODE (nanodbc::string is std::string). Bodies are left
// out: the tests are only parsed.
//===----------------------------------------------------------------------===//
#ifndef NANODBC_H
#define NANODBC_H

#include <stdexcept>
#include <string>

namespace nanodbc
{

typedef std::string string;

class connection;
class result;

class database_error : public std::runtime_error
{
public:
    database_error(void* handle, short handle_type, const std::string& info = "");
    const char* what() const noexcept;
    long native() const noexcept;
    const std::string state() const noexcept;
};

class transaction
{
public:
    explicit transaction(const class connection& conn);
    transaction(const transaction& rhs);
    transaction(transaction&& rhs) noexcept;
    ~transaction() noexcept;
    void commit();
    void rollback() noexcept;
};

class statement
{
public:
    enum param_direction
    {
        PARAM_IN,
        PARAM_OUT,
        PARAM_INOUT,
        PARAM_RETURN
    };

public:
    statement();
    explicit statement(class connection& conn);
    statement(class connection& conn, const string& query, long timeout = 0);
    statement(const statement& rhs);
    statement(statement&& rhs) noexcept;
    ~statement() noexcept;

    void prepare(class connection& conn, const string& query, long timeout = 0);
    void prepare(const string& query, long timeout = 0);

    class result execute_direct(
        class connection& conn,
        const string& query,
        long batch_operations = 1,
        long timeout = 0);
    void just_execute_direct(
        class connection& conn,
        const string& query,
        long batch_operations = 1,
        long timeout = 0);
    class result execute(long batch_operations = 1, long timeout = 0);
    void just_execute(long batch_operations = 1, long timeout = 0);

    long affected_rows() const;

    template <class T>
    void bind(short param_index, T const* value, param_direction direction = PARAM_IN);
};

class connection
{
public:
    connection();
    connection(const connection& rhs);
    connection(connection&& rhs) noexcept;
    connection(const string& dsn, const string& user, const string& pass, long timeout = 0);
    connection(const string& connection_string, long timeout = 0);
    ~connection() noexcept;
};

class result
{
public:
    result();
    ~result() noexcept;
    result(const result& rhs);
    result(result&& rhs) noexcept;

    long affected_rows() const;
    long rows() const noexcept;
    bool first();
    bool next();

    template <class T>
    T get(short column) const;
    template <class T>
    T get(short column, const T& fallback) const;
    template <class T>
    T get(const string& column_name) const;
    template <class T>
    T get(const string& column_name, const T& fallback) const;

    bool is_null(short column) const;
};

result execute(connection& conn, const string& query, long batch_operations = 1, long timeout = 0);

void just_execute(
    connection& conn,
    const string& query,
    long batch_operations = 1,
    long timeout = 0);

result execute(statement& stmt, long batch_operations = 1);

void just_execute(statement& stmt, long batch_operations = 1);

void prepare(statement& stmt, const string& query, long timeout = 0);

} // namespace nanodbc

#endif
