#include "kutse/bus/bus_tables.hpp"

#include "kutse/common/sha256.hpp"

namespace kutse::bus {

db::MigrationFile OutboxInboxMigration(const std::string& schema) {
  std::string sql = "CREATE TABLE " + schema +
                    ".outbox (\n"
                    "    seq          bigserial PRIMARY KEY,\n"
                    "    id           uuid        NOT NULL UNIQUE,\n"
                    "    type         text        NOT NULL,\n"
                    "    subject      text        NOT NULL DEFAULT '',\n"
                    "    envelope     jsonb       NOT NULL,\n"
                    "    created_at   timestamptz NOT NULL DEFAULT now(),\n"
                    "    published_at timestamptz\n"
                    ");\n"
                    // The relay only ever looks for what is not yet published.
                    "CREATE INDEX outbox_unpublished ON " +
                    schema +
                    ".outbox (seq) WHERE published_at IS NULL;\n"
                    "CREATE TABLE " +
                    schema +
                    ".inbox (\n"
                    "    message_id  text        PRIMARY KEY,\n"
                    "    type        text        NOT NULL,\n"
                    "    received_at timestamptz NOT NULL DEFAULT now()\n"
                    ");\n";
  return db::MigrationFile{1, "V001__outbox_and_inbox.sql", sql, common::Sha256Hex(sql)};
}

}  // namespace kutse::bus
