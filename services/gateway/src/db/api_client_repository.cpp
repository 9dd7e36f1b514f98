#include "db/api_client_repository.hpp"

#include "db/sql.hpp"
#include "kutse/common/text.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::gateway {
namespace {

// Scopes and origins travel as words joined by ' ' (see sql::kCreateApiClient).
std::string Join(const std::vector<std::string>& parts) {
  std::string joined;
  for (const auto& part : parts) {
    joined += (joined.empty() ? "" : " ") + part;
  }
  return joined;
}

}  // namespace

void ApiClientRepository::Create(const std::string& client_id, const std::string& body_id,
                                 const NewApiClient& client, const std::string& secret_hash,
                                 const std::string& created_by) {
  tx_.exec_prepared(sql::kCreateApiClient.name, client_id, body_id, client.name, secret_hash,
                    Join(client.scopes), Join(client.allowed_origins), client.rate_limit_per_minute,
                    created_by);
}

bool ApiClientRepository::RotateSecret(const std::string& body_id, const std::string& client_id,
                                       const std::string& secret_hash, const std::string& rotated_by) {
  return tx_.exec_prepared(sql::kRotateApiClientSecret.name, body_id, client_id, secret_hash, rotated_by)
             .affected_rows() == 1;
}

bool ApiClientRepository::Revoke(const std::string& body_id, const std::string& client_id,
                                 const std::string& revoked_by) {
  return tx_.exec_prepared(sql::kRevokeApiClient.name, body_id, client_id, revoked_by).affected_rows() == 1;
}

std::vector<ListedApiClient> ApiClientRepository::List(const std::string& body_id) {
  std::vector<ListedApiClient> clients;
  for (const auto& row : tx_.exec_prepared(sql::kListApiClients.name, body_id)) {
    ListedApiClient client;
    client.client_id = row["client_id"].as<std::string>();
    client.body_id = body_id;
    client.name = row["name"].as<std::string>();
    client.scopes = common::Split(row["scopes"].as<std::string>(), ' ');
    client.allowed_origins = common::Split(row["allowed_origins"].as<std::string>(), ' ');
    client.rate_limit_per_minute = row["rate_limit_per_minute"].as<int>();
    client.created_by = row["created_by"].as<std::string>();
    client.created_at = row["created_at"].as<std::string>();
    client.secret_rotated_at = db::OptionalText(row["secret_rotated_at"]);
    client.revoked_at = db::OptionalText(row["revoked_at"]);
    clients.push_back(std::move(client));
  }
  return clients;
}

std::optional<ApiClient> ApiClientRepository::Find(const std::string& client_id) {
  auto rows = tx_.exec_prepared(sql::kFindApiClient.name, client_id);
  if (rows.empty()) {
    return std::nullopt;
  }
  const auto& row = rows[0];
  return ApiClient{client_id,
                   row["body_id"].as<std::string>(),
                   row["name"].as<std::string>(),
                   row["secret_hash"].as<std::string>(),
                   common::Split(row["scopes"].as<std::string>(), ' '),
                   common::Split(row["allowed_origins"].as<std::string>(), ' '),
                   row["rate_limit_per_minute"].as<int>(),
                   row["revoked"].as<bool>()};
}

std::set<std::string> ApiClientRepository::AllowedOrigins() {
  std::set<std::string> origins;
  for (const auto& row : tx_.exec_prepared(sql::kAllowedOrigins.name)) {
    origins.insert(row["origin"].as<std::string>());
  }
  return origins;
}

}  // namespace kutse::gateway
