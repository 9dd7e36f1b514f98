// The awarding bodies' API clients, inside a caller's transaction or read. Only a SHA-256 of each
// secret is stored.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <set>
#include <string>
#include <vector>

#include "clients/api_client.hpp"

namespace kutse::gateway {

class ApiClientRepository {
 public:
  explicit ApiClientRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  void Create(const std::string& client_id, const std::string& body_id, const NewApiClient& client,
              const std::string& secret_hash, const std::string& created_by);
  // False when the body has no such client or it is revoked.
  bool RotateSecret(const std::string& body_id, const std::string& client_id, const std::string& secret_hash,
                    const std::string& rotated_by);
  bool Revoke(const std::string& body_id, const std::string& client_id, const std::string& revoked_by);
  std::vector<ListedApiClient> List(const std::string& body_id);  // oldest first
  std::optional<ApiClient> Find(const std::string& client_id);    // revoked ones too
  std::set<std::string> AllowedOrigins();                         // of the clients not revoked

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::gateway
