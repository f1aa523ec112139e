// ARGS: -- -std=c++17
// An unsigned enum whose value is >= 2^63, compared and switched on.
enum Mode : unsigned long long { ModeNone = 0, ModeAll = ~0ull };
int f(Mode m) {
  if (m == ModeAll) return 1;
  switch (m) {
  case ModeAll: return 2;
  default: return 0;
  }
}
