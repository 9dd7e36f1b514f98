// Every SQL statement of the stamping service, its name beside its text, in one place. Tables are
// always schema-qualified; rows are read by column name. Prepared on each pooled connection.
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/db/sql_text.hpp"

namespace kutse::stamping::sql {

inline constexpr db::Statement kInsertStamp{
    "insert_stamp",
    "INSERT INTO stamping.stamps (id, verification_code, certificate_number, holder_personal_code, format, "
    "language, level, sha256, document_sha256, created_at) "
    "VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10::timestamptz)"};

// The columns a stamp is read back with, times as UTC ISO 8601.
#define KUTSE_STAMP_COLUMNS                                                                    \
  "id::text AS id, seq, verification_code, certificate_number, holder_personal_code, format, " \
  "language, level, sha256, document_sha256, " KUTSE_UTC_TEXT(                                 \
      "created_at") " AS created_at, " KUTSE_UTC_TEXT("withdrawn_at") " AS withdrawn_at"

// $1 holder, $2 the seq of the last stamp of the page before (null: the first page), $3 how many.
inline constexpr db::Statement kListStamps{"list_stamps",
                                           "SELECT " KUTSE_STAMP_COLUMNS
                                           " FROM stamping.stamps WHERE holder_personal_code = $1 "
                                           "AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3"};
// Idempotent: a stamp withdrawn before keeps its first withdrawal time. $1 holder, $2 id (or null),
// $3 verification code (or null), $4 now.
inline constexpr db::Statement kWithdrawStamp{
    "withdraw_stamp",
    "UPDATE stamping.stamps SET withdrawn_at = COALESCE(withdrawn_at, greatest($4::timestamptz, created_at)) "
    "WHERE holder_personal_code = $1 AND (id = $2::uuid OR verification_code = $3) "
    "RETURNING " KUTSE_STAMP_COLUMNS};
// Only a stamp whose link was not withdrawn is ever found by the public.
inline constexpr db::Statement kLiveStampByCode{"live_stamp_by_code",
                                                "SELECT " KUTSE_STAMP_COLUMNS
                                                " FROM stamping.stamps "
                                                "WHERE verification_code = $1 AND withdrawn_at IS NULL"};
// By the SHA-256 of the PDF the seal covers: the file itself for PAdES, the PDF inside for ASiC-E.
inline constexpr db::Statement kLiveStampBySha256{
    "live_stamp_by_document_sha256",
    "SELECT " KUTSE_STAMP_COLUMNS
    " FROM stamping.stamps "
    "WHERE document_sha256 = $1 AND withdrawn_at IS NULL ORDER BY seq DESC LIMIT 1"};

inline db::Statements Statements() {
  return {kInsertStamp, kListStamps, kWithdrawStamp, kLiveStampByCode, kLiveStampBySha256};
}

}  // namespace kutse::stamping::sql
