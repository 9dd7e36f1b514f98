// Who is calling: a person (by personal code) or an awarding body's API client, with roles.
// Roles are strings: "holder", "admin", "clerk:<bodyId>", "assessor:<bodyId>", and for an API
// client "apiclient:<bodyId>".
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kutse::auth {

struct Identity {
  enum class Kind { kPerson, kApiClient };

  Kind kind = Kind::kPerson;
  std::string personal_code;  // persons only
  std::string client_id;      // API clients only
  std::string name;
  std::vector<std::string> roles;
  std::vector<std::string> scopes;  // API clients only: public:read, rounds:read, applications:submit

  bool IsPerson() const { return kind == Kind::kPerson; }
  bool HasRole(const std::string& role) const;
  bool IsAdmin() const { return HasRole("admin"); }
  bool IsClerkOf(const std::string& body_id) const { return HasRole("clerk:" + body_id); }
  bool IsApiClientOf(const std::string& body_id) const { return HasRole("apiclient:" + body_id); }
  bool HasScope(const std::string& scope) const;
  // The subject as the internal token carries it: "EE<personal code>" or "client:<id>".
  std::string Subject() const;

  nlohmann::json ToClaims() const;
  static std::optional<Identity> FromClaims(const nlohmann::json& claims);
};

bool IsValidRole(const std::string& role);
bool IsValidScope(const std::string& scope);

}  // namespace kutse::auth
