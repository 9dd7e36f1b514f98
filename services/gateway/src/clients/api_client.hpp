// An awarding body's API client as the gateway knows it, and what a clerk sends to create one.
// Validation has no I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kutse/common/status.hpp"

namespace kutse::gateway {

struct ApiClient {
  std::string client_id;
  std::string body_id;
  std::string name;
  std::string secret_hash;
  std::vector<std::string> scopes;
  std::vector<std::string> allowed_origins;
  int rate_limit_per_minute = 600;
  bool revoked = false;
};

// As listed to the body's staff: the record of the client, never its secret's hash.
struct ListedApiClient {
  std::string client_id;
  std::string body_id;
  std::string name;
  std::vector<std::string> scopes;
  std::vector<std::string> allowed_origins;
  int rate_limit_per_minute = 600;
  std::string created_by;
  std::string created_at;  // ISO 8601, UTC, like the two below
  std::optional<std::string> secret_rotated_at;
  std::optional<std::string> revoked_at;
};

struct NewApiClient {
  std::string name;
  std::vector<std::string> scopes;
  std::vector<std::string> allowed_origins;
  int rate_limit_per_minute = 600;
};

// The client, or every field error at once.
common::StatusOr<NewApiClient> ParseNewApiClient(const nlohmann::json& body);
// "https://www.example.ee" or "http://localhost:3000": scheme, host and optional port, nothing more.
bool IsValidOrigin(const std::string& origin);
// Splits "Basic base64(id:secret)"; false when the header is not that.
bool ParseBasicCredentials(const std::string& header, std::string& client_id, std::string& secret);

}  // namespace kutse::gateway
