#pragma once
struct sqlite3;
bool signUp(sqlite3 *Db, const char *Email);
