// The first answer to each (caller, Idempotency-Key), kept in a service's own schema so that a
// repeated create returns it instead of creating again. The key is claimed inside the caller's
// transaction, by inserting its row: a concurrent transaction with the same key then waits on the
// primary key until the first one ends, and sees either its committed answer or, after a rollback,
// a free key. No half answer is ever visible. Each service creates the table in its own migration:
//
//   CREATE TABLE <schema>.idempotency_keys (
//       caller          text        NOT NULL,  -- who asked (auth::Identity::Subject())
//       key             text        NOT NULL,  -- the Idempotency-Key as sent
//       request_hash    text        NOT NULL,  -- what was asked (e.g. common::Sha256Hex of route and body)
//       response_status integer,               -- set with response_body
//       response_body   jsonb,                 -- NULL while the claiming transaction is open
//       created_at      timestamptz NOT NULL DEFAULT now(),
//       PRIMARY KEY (caller, key)
//   );
//
// Claims are meant for READ COMMITTED transactions (pqxx::work, db::Pool::Transaction). Under
// REPEATABLE READ the wait ends in a serialization failure instead, which Pool::Transaction retries.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "kutse/common/status.hpp"

namespace kutse::db {

struct StoredResponse {
  int status = 0;  // the HTTP status of the first answer
  nlohmann::json body;
};

struct IdempotencyClaim {
  bool first = false;     // the key was free: produce the answer and Save it in this transaction
  StoredResponse answer;  // otherwise the first request's answer, to send again
};

class IdempotencyStore {
 public:
  // `schema` is a plain lower-case SQL identifier; anything else throws std::invalid_argument.
  explicit IdempotencyStore(const std::string& schema);

  // Blocks while another open transaction holds the same (caller, key). A key used before for
  // another request_hash: already exists (409 conflict), message db.idempotency_key_reused.
  common::StatusOr<IdempotencyClaim> Claim(pqxx::transaction_base& tx, const std::string& caller,
                                           const std::string& key, const std::string& request_hash) const;
  // The answer of a first claim, in the same transaction. Throws std::logic_error without a claim.
  void Save(pqxx::transaction_base& tx, const std::string& caller, const std::string& key,
            const StoredResponse& answer) const;
  // Gives a first claim up, so that a refused request (whose transaction may yet commit other
  // things) leaves the key free for a corrected retry.
  void Release(pqxx::transaction_base& tx, const std::string& caller, const std::string& key) const;

  // All of it: without a key, `produce` alone; with one, the stored answer of a repeat, or what
  // `produce` answers, kept when it is OK and the claim given up when it is not.
  common::StatusOr<StoredResponse> Once(
      pqxx::transaction_base& tx, const std::string& caller, const std::optional<std::string>& key,
      const std::string& request_hash,
      const std::function<common::StatusOr<StoredResponse>()>& produce) const;

 private:
  std::string claim_;
  std::string find_;
  std::string save_;
  std::string release_;
};

}  // namespace kutse::db
