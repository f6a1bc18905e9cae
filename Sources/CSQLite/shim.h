// The system SQLite (libsqlite3-dev on Debian/Ubuntu; part of the macOS SDK).
#include <sqlite3.h>
