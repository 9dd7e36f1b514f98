#include "clients/api_clients.hpp"

#include <openssl/crypto.h>

#include "db/api_client_repository.hpp"
#include "kutse/common/ids.hpp"
#include "kutse/common/json_or_null.hpp"
#include "kutse/common/sha256.hpp"
#include "oidc/pkce.hpp"

namespace kutse::gateway {
namespace {

bool SameHash(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

IssuedClient ApiClients::Create(const std::string& body_id, const NewApiClient& client,
                                const std::string& created_by) {
  std::string client_id = body_id + "-" + common::RandomHex(4);
  std::string secret = NewOpaqueToken();
  pool_.Transaction([&](pqxx::work& work) {
    ApiClientRepository(work).Create(client_id, body_id, client, common::Sha256Hex(secret), created_by);
  });
  Forget(client_id);
  for (const auto& item : List(body_id)) {
    if (item["client_id"] == client_id) {
      return IssuedClient{item, secret};
    }
  }
  throw std::logic_error("a created API client was not found again");
}

std::optional<std::string> ApiClients::RotateSecret(const std::string& body_id, const std::string& client_id,
                                                    const std::string& rotated_by) {
  std::string secret = NewOpaqueToken();
  bool rotated = pool_.Transaction([&](pqxx::work& work) {
    return ApiClientRepository(work).RotateSecret(body_id, client_id, common::Sha256Hex(secret), rotated_by);
  });
  Forget(client_id);
  return rotated ? std::optional<std::string>(secret) : std::nullopt;
}

bool ApiClients::Revoke(const std::string& body_id, const std::string& client_id,
                        const std::string& revoked_by) {
  bool revoked = pool_.Transaction(
      [&](pqxx::work& work) { return ApiClientRepository(work).Revoke(body_id, client_id, revoked_by); });
  Forget(client_id);
  return revoked;
}

nlohmann::json ApiClients::List(const std::string& body_id) {
  auto clients =
      pool_.Read([&](pqxx::nontransaction& read) { return ApiClientRepository(read).List(body_id); });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& client : clients) {
    items.push_back({{"client_id", client.client_id},
                     {"body_id", client.body_id},
                     {"name", client.name},
                     {"scopes", client.scopes},
                     {"allowed_origins", client.allowed_origins},
                     {"rate_limit_per_minute", client.rate_limit_per_minute},
                     {"created_by", client.created_by},
                     {"created_at", client.created_at},
                     {"secret_rotated_at", common::JsonOrNull(client.secret_rotated_at)},
                     {"revoked_at", common::JsonOrNull(client.revoked_at)}});
  }
  return items;
}

std::optional<ApiClient> ApiClients::Load(const std::string& client_id) {
  return pool_.Read([&](pqxx::nontransaction& read) { return ApiClientRepository(read).Find(client_id); });
}

void ApiClients::Forget(const std::string& client_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  cache_.erase(client_id);
  origins_loaded_ = {};
}

std::optional<std::optional<ApiClient>> ApiClients::AuthenticateCached(const std::string& client_id,
                                                                       const std::string& secret) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = cache_.find(client_id);
  if (found == cache_.end() || std::chrono::steady_clock::now() >= found->second.second) {
    return std::nullopt;
  }
  const auto& client = found->second.first;
  if (!client || client->revoked || !SameHash(client->secret_hash, common::Sha256Hex(secret))) {
    return std::optional<ApiClient>();
  }
  return client;
}

std::optional<ApiClient> ApiClients::Authenticate(const std::string& client_id, const std::string& secret) {
  if (auto cached = AuthenticateCached(client_id, secret)) {
    return *cached;
  }
  auto client = client_id.size() <= 64 ? Load(client_id) : std::nullopt;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (cache_.size() > 10000) {
      cache_.clear();
    }
    cache_[client_id] = {client, std::chrono::steady_clock::now() + time_to_live_};
  }
  if (!client || client->revoked || !SameHash(client->secret_hash, common::Sha256Hex(secret))) {
    return std::nullopt;
  }
  return client;
}

std::optional<bool> ApiClients::IsAllowedOriginCached(const std::string& origin) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (std::chrono::steady_clock::now() < origins_loaded_ + time_to_live_) {
    return origins_.count(origin) != 0;
  }
  return std::nullopt;
}

bool ApiClients::IsAllowedOrigin(const std::string& origin) {
  if (auto cached = IsAllowedOriginCached(origin)) {
    return *cached;
  }
  std::set<std::string> origins =
      pool_.Read([&](pqxx::nontransaction& read) { return ApiClientRepository(read).AllowedOrigins(); });
  std::lock_guard<std::mutex> lock(mutex_);
  origins_ = std::move(origins);
  origins_loaded_ = std::chrono::steady_clock::now();
  return origins_.count(origin) != 0;
}

}  // namespace kutse::gateway
