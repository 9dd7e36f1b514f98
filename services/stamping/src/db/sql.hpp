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

inline db::Statements Statements() {
  return {kInsertStamp};
}

}  // namespace kutse::stamping::sql
