// The system SQLite (libsqlite3-dev on Debian/Ubuntu; part of the macOS SDK).
#include <sqlite3.h>

/// Turns SQLite's memory statistics off (they take a global mutex on every allocation; ccusage reads none).
/// Only before SQLite's first use in the process; later it returns SQLITE_MISUSE and changes nothing.
static inline int ccusage_sqlite3_no_memstatus(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
