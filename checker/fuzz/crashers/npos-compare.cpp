// ARGS: -- -std=c++17
// APSInt::getExtValue asserts on std::string::npos (2^64-1) in a comparison.
#include <string>
int f(const std::string &s) {
  if (s.find('@') == std::string::npos)
    return 1;
  return 0;
}
