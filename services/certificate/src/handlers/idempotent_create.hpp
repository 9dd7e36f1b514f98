// Idempotency-Key for the routes that create (issuing, one or a batch): the first answer for (caller,
// key) is kept in the same transaction as what the use case created; a repeat gets the same answer
// back, another request under the same key is refused as a conflict, and two at once are serialised
// by the key's row.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "kutse/auth/identity.hpp"
#include "kutse/common/status.hpp"
#include "kutse/db/pool.hpp"
#include "kutse/http/request.hpp"

namespace kutse::certificate {

struct IdempotencyClaim {
  std::optional<std::string> key;  // nullopt: the caller sent none, so nothing is kept
  std::string request_hash;        // what the first request under the key was
};

// The key of the request (1 to 200 printable characters; a bad one throws StatusError) and a hash
// of what it asks: `scope` (the route's own words), the body id and the body.
IdempotencyClaim ClaimOf(const http::Request& request, const std::string& scope);

// Runs `create_and_render` in one transaction unless the key has an answer already
// (db::IdempotencyStore, table certificate.idempotency_keys).
common::StatusOr<nlohmann::json> CreateOnce(
    db::Pool& pool, const auth::Identity& caller, const IdempotencyClaim& claim,
    const std::function<common::StatusOr<nlohmann::json>(pqxx::work&)>& create_and_render);

}  // namespace kutse::certificate
