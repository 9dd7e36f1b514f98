// Who is calling: a person (by personal code) or an awarding body's API client, with roles, as
// the gateway vouches for them; or one of our own services calling another (service_token.hpp).
// Roles are strings: "holder", "admin", "clerk:<bodyId>", "assessor:<bodyId>", and for an API
// client "apiclient:<bodyId>". A service has no roles: a callee asks for it by name.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kutse::auth {

struct Identity {
  enum class Kind { kPerson, kApiClient, kService };

  Kind kind = Kind::kPerson;
  std::string personal_code;  // persons only
  std::string client_id;      // API clients only
  std::string service;        // services only: "stamping"
  std::string name;
  std::vector<std::string> roles;
  std::vector<std::string> scopes;  // API clients only: public:read, rounds:read, applications:submit

  bool IsPerson() const { return kind == Kind::kPerson; }
  bool IsService() const { return kind == Kind::kService; }
  bool HasRole(const std::string& role) const;
  bool IsAdmin() const { return HasRole("admin"); }
  bool IsClerkOf(const std::string& body_id) const { return HasRole("clerk:" + body_id); }
  bool IsApiClientOf(const std::string& body_id) const { return HasRole("apiclient:" + body_id); }
  bool HasScope(const std::string& scope) const;
  // The subject as the internal token carries it: "EE<personal code>", "client:<id>" or
  // "service:<name>".
  std::string Subject() const;

  nlohmann::json ToClaims() const;
  // A person or an API client, as the gateway's token carries them. Never a service: a "service:"
  // subject is refused here, so a token of the gateway's can not make its bearer a service.
  static std::optional<Identity> FromClaims(const nlohmann::json& claims);
};

bool IsValidRole(const std::string& role);
// Lower-case letters, digits and dashes, starting with a letter, at most 32: "stamping".
bool IsValidServiceName(const std::string& name);
bool IsValidScope(const std::string& scope);

}  // namespace kutse::auth
