// API clients in the gateway's schema: created, rotated and revoked by the body's clerks or an
// admin; authenticated on every call from a short-lived in-memory copy (a revocation reaches other
// replicas within `cache_time_to_live`).
#pragma once

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "clients/api_client.hpp"
#include "kutse/db/pool.hpp"

namespace kutse::gateway {

struct IssuedClient {
  nlohmann::json client;  // as listed, without any secret
  std::string client_secret;
};

class ApiClients {
 public:
  ApiClients(db::Pool& pool, std::chrono::milliseconds cache_time_to_live)
      : pool_(pool), time_to_live_(cache_time_to_live) {}

  IssuedClient Create(const std::string& body_id, const NewApiClient& client, const std::string& created_by);
  std::optional<std::string> RotateSecret(const std::string& body_id, const std::string& client_id,
                                          const std::string& rotated_by);  // the new secret
  bool Revoke(const std::string& body_id, const std::string& client_id, const std::string& revoked_by);
  nlohmann::json List(const std::string& body_id);

  // The client when the secret is right and it is not revoked. Reads the database on a cache miss.
  std::optional<ApiClient> Authenticate(const std::string& client_id, const std::string& secret);
  // From memory only: nullopt when not cached (then call Authenticate).
  std::optional<std::optional<ApiClient>> AuthenticateCached(const std::string& client_id,
                                                             const std::string& secret);
  // Origins registered by any active client: where browsers may call the public endpoints from.
  // Reads the database when the copy in memory is older than the cache time.
  bool IsAllowedOrigin(const std::string& origin);
  // From memory only: nullopt when the copy is stale (then call IsAllowedOrigin).
  std::optional<bool> IsAllowedOriginCached(const std::string& origin);

 private:
  std::optional<ApiClient> Load(const std::string& client_id);
  void Forget(const std::string& client_id);

  db::Pool& pool_;
  std::chrono::milliseconds time_to_live_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::pair<std::optional<ApiClient>, std::chrono::steady_clock::time_point>>
      cache_;
  std::set<std::string> origins_;
  std::chrono::steady_clock::time_point origins_loaded_{};
};

}  // namespace kutse::gateway
