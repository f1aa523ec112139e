// Clean: on an SQLite session the insert is INSERT OR IGNORE, so when another
// client adds the same word between the check and the insert the UNIQUE
// constraint makes the second insert a no-op instead of a duplicate.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <string>

using namespace Poco::Data::Keywords;

bool learnWord(const std::string &Word) {
  Poco::Data::Session S("SQLite", "dictionary.db");
  int Known = 0;
  S << "SELECT COUNT(*) FROM words WHERE word = ?", into(Known), useRef(Word), now;
  if (Known != 0)
    return false;
  // ok: sqlrace-check-then-insert
  S << "INSERT OR IGNORE INTO words(word) VALUES (?)", useRef(Word), now;
  return true;
}
