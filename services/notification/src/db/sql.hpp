// Every SQL statement of the notification service, its name beside its text, in one place. Tables
// are always schema-qualified; rows are read by column name. Prepared on each pooled connection.
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/db/sql_text.hpp"

namespace kutse::notification::sql {

// A redelivered event finds its notice there already: one notice per kind per event.
inline constexpr db::Statement kInsertNotice{
    "insert_notice",
    "INSERT INTO notification.notices (id, holder_personal_code, kind, parameters, certificate_number, "
    "source_event_id) VALUES ($1::uuid, $2, $3, $4::jsonb, $5, $6) ON CONFLICT (source_event_id, kind) DO "
    "NOTHING"};
// Newest first, by keyset: $2 and $3 are the cursor's position (cursor_created_at and id of the last
// notice seen), null for the first page. Ordered by the table's columns (qualified), not by the
// texts of the same names.
inline constexpr db::Statement kListNotices{
    "list_notices",
    "SELECT id::text AS id, kind, parameters::text AS parameters, certificate_number, "
    KUTSE_UTC_TEXT("created_at") " AS created_at, "
    "(created_at AT TIME ZONE 'UTC')::text AS cursor_created_at, read_at IS NOT NULL AS read "
    "FROM notification.notices WHERE holder_personal_code = $1 "
    "AND ($2::timestamp IS NULL OR (created_at, id) < ($2::timestamp AT TIME ZONE 'UTC', $3::uuid)) "
    "ORDER BY notices.created_at DESC, notices.id DESC LIMIT $4"};

inline db::Statements Statements() {
  return {kInsertNotice, kListNotices};
}

}  // namespace kutse::notification::sql
