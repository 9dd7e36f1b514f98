#include "clients/api_clients.hpp"

#include <openssl/crypto.h>

#include "db/sql.hpp"
#include "kutse/common/ids.hpp"
#include "kutse/common/json_or_null.hpp"
#include "kutse/common/sha256.hpp"
#include "kutse/common/text.hpp"
#include "kutse/db/nullable.hpp"
#include "oidc/pkce.hpp"

namespace kutse::gateway {
namespace {

std::string Join(const std::vector<std::string>& parts) {
  std::string joined;
  for (const auto& part : parts) {
    joined += (joined.empty() ? "" : " ") + part;
  }
  return joined;
}

bool SameHash(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

IssuedClient ApiClients::Create(const std::string& body_id, const NewApiClient& client,
                                const std::string& created_by) {
  std::string client_id = body_id + "-" + common::RandomHex(4);
  std::string secret = NewOpaqueToken();
  pool_.Transaction([&](pqxx::work& work) {
    work.exec_prepared(sql::kCreateApiClient, client_id, body_id, client.name, common::Sha256Hex(secret),
                       Join(client.scopes), Join(client.allowed_origins), client.rate_limit_per_minute,
                       created_by);
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
    return work.exec_prepared(sql::kRotateApiClientSecret, body_id, client_id, common::Sha256Hex(secret),
                              rotated_by)
               .affected_rows() == 1;
  });
  Forget(client_id);
  return rotated ? std::optional<std::string>(secret) : std::nullopt;
}

bool ApiClients::Revoke(const std::string& body_id, const std::string& client_id,
                        const std::string& revoked_by) {
  bool revoked = pool_.Transaction([&](pqxx::work& work) {
    return work.exec_prepared(sql::kRevokeApiClient, body_id, client_id, revoked_by).affected_rows() == 1;
  });
  Forget(client_id);
  return revoked;
}

nlohmann::json ApiClients::List(const std::string& body_id) {
  auto rows = pool_.Read(
      [&](pqxx::nontransaction& read) { return read.exec_prepared(sql::kListApiClients, body_id); });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& row : rows) {
    items.push_back({{"client_id", row[0].as<std::string>()},
                     {"body_id", body_id},
                     {"name", row[1].as<std::string>()},
                     {"scopes", common::Split(row[2].as<std::string>(), ' ')},
                     {"allowed_origins", common::Split(row[3].as<std::string>(), ' ')},
                     {"rate_limit_per_minute", row[4].as<int>()},
                     {"created_by", row[5].as<std::string>()},
                     {"created_at", row[6].as<std::string>()},
                     {"secret_rotated_at", common::JsonOrNull(db::OptionalText(row[7]))},
                     {"revoked_at", common::JsonOrNull(db::OptionalText(row[8]))}});
  }
  return items;
}

std::optional<ApiClient> ApiClients::Load(const std::string& client_id) {
  auto rows = pool_.Read(
      [&](pqxx::nontransaction& read) { return read.exec_prepared(sql::kFindApiClient, client_id); });
  if (rows.empty()) {
    return std::nullopt;
  }
  const auto& row = rows[0];
  return ApiClient{client_id,
                   row[0].as<std::string>(),
                   row[1].as<std::string>(),
                   row[2].as<std::string>(),
                   common::Split(row[3].as<std::string>(), ' '),
                   common::Split(row[4].as<std::string>(), ' '),
                   row[5].as<int>(),
                   row[6].as<bool>()};
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
  auto rows =
      pool_.Read([&](pqxx::nontransaction& read) { return read.exec_prepared(sql::kAllowedOrigins); });
  std::set<std::string> origins;
  for (const auto& row : rows) {
    origins.insert(row[0].as<std::string>());
  }
  std::lock_guard<std::mutex> lock(mutex_);
  origins_ = std::move(origins);
  origins_loaded_ = std::chrono::steady_clock::now();
  return origins_.count(origin) != 0;
}

}  // namespace kutse::gateway
