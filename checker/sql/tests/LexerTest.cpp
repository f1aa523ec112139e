#include "sqlrace/sql/Lexer.h"
#include "gtest/gtest.h"
TEST(Lexer, Smoke) { EXPECT_FALSE(sqlrace::sql::tokenize("SELECT 1", sqlrace::sql::Dialect::Unknown).empty()); }
