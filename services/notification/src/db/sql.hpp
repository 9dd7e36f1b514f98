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
    "source_event_id, request_id) VALUES ($1::uuid, $2, $3, $4::jsonb, $5, $6, $7::uuid) "
    "ON CONFLICT (source_event_id, kind) DO NOTHING RETURNING id::text AS id"};
// Newest first, by keyset: $2 and $3 are the cursor's position (cursor_created_at and id of the last
// notice seen), null for the first page; $5 true keeps the unread ones only. Ordered by the table's
// columns (qualified), not by the texts of the same names.
inline constexpr db::Statement kListNotices{
    "list_notices",
    "SELECT id::text AS id, kind, parameters::text AS parameters, certificate_number, "
    "request_id::text AS request_id, "
    KUTSE_UTC_TEXT("created_at") " AS created_at, "
    "(created_at AT TIME ZONE 'UTC')::text AS cursor_created_at, read_at IS NOT NULL AS read "
    "FROM notification.notices WHERE holder_personal_code = $1 "
    "AND ($2::timestamp IS NULL OR (created_at, id) < ($2::timestamp AT TIME ZONE 'UTC', $3::uuid)) "
    "AND (NOT $5::boolean OR read_at IS NULL) "
    "ORDER BY notices.created_at DESC, notices.id DESC LIMIT $4"};
inline constexpr db::Statement kCountUnread{"count_unread",
                                            "SELECT count(*) AS unread FROM notification.notices WHERE "
                                            "holder_personal_code = $1 AND read_at IS NULL"};
// The holder's own notice only: someone else's id finds no row. Read once, it keeps its first read_at.
inline constexpr db::Statement kMarkRead{
    "mark_read",
    "UPDATE notification.notices SET read_at = coalesce(read_at, clock_timestamp()) "
    "WHERE id = $1::uuid AND holder_personal_code = $2 RETURNING id::text AS id"};
// Every unread notice of the holder up to and including $2 (one of theirs), newest first as listed: a
// notice that arrived after the holder saw $2 stays unread. No row when $2 is not theirs.
inline constexpr db::Statement kMarkReadUpTo{
    "mark_read_up_to",
    "WITH up_to AS (SELECT created_at, id FROM notification.notices WHERE id = $2::uuid AND "
    "holder_personal_code = $1), marked AS (UPDATE notification.notices AS n SET read_at = clock_timestamp() "
    "FROM up_to WHERE n.holder_personal_code = $1 AND n.read_at IS NULL AND (n.created_at, n.id) <= "
    "(up_to.created_at, up_to.id) RETURNING n.id) "
    "SELECT (SELECT count(*) FROM marked) AS marked FROM up_to"};

inline db::Statements Statements() {
  return {kInsertNotice, kListNotices, kCountUnread, kMarkRead, kMarkReadUpTo};
}

}  // namespace kutse::notification::sql
