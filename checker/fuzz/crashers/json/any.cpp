// Any file: the crash is in loading the JSON.
int f() { return 0; }
