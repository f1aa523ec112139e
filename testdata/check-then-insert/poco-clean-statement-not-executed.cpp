// Clean: the COUNT statement is built but never executed before the insert
// (execute() runs after it, for a report), so no check precedes the insert;
// into(Before) receives nothing until then.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <string>

using namespace Poco::Data::Keywords;

int logVisit(Poco::Data::Session &S, int PageId, std::string Visitor) {
  int Before = 0;
  Poco::Data::Statement Count(S);
  Count << "SELECT COUNT(*) FROM visits WHERE page_id = ? AND visitor = ?", into(Before), use(PageId), use(Visitor);
  if (Before == 0)
    // ok: sqlrace-check-then-insert
    S << "INSERT INTO visits(page_id, visitor) VALUES (?, ?)", use(PageId), use(Visitor), now;
  Count.execute();
  return Before;
}
