// Every SQL statement of the notification service, named, in one place.
#pragma once

#include "kutse/db/pool.hpp"

namespace kutse::notification::sql {

inline constexpr const char* kInsertNotice = "insert_notice";
inline constexpr const char* kListNotices = "list_notices";

inline db::Statements Statements() {
  return {
      {kInsertNotice,
       "INSERT INTO notification.notices (id, holder_personal_code, kind, parameters, certificate_number, "
       "source_event_id) VALUES ($1::uuid, $2, $3, $4::jsonb, $5, $6) ON CONFLICT (source_event_id, kind) DO "
       "NOTHING"},
      {kListNotices,
       "SELECT id::text, kind, parameters::text, certificate_number, "
       "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
       "(created_at AT TIME ZONE 'UTC')::text, read_at IS NOT NULL "
       "FROM notification.notices WHERE holder_personal_code = $1 "
       "AND ($2::timestamp IS NULL OR (created_at, id) < ($2::timestamp AT TIME ZONE 'UTC', $3::uuid)) "
       "ORDER BY created_at DESC, id DESC LIMIT $4"},
  };
}

}  // namespace kutse::notification::sql
