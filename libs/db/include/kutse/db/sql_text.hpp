// Pieces of SQL text every service's db/sql.hpp writes the same way. Macros, because a statement is
// one string literal put together at compile time (db::Statement is constexpr).
#pragma once

// A timestamptz column as the API shows instants: UTC, ISO 8601 with milliseconds and a Z.
#define KUTSE_UTC_TEXT(column) "to_char(" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
