#include "kutse/auth/identity.hpp"

#include <algorithm>

#include "kutse/common/personal_code.hpp"
#include "kutse/common/text.hpp"

namespace kutse::auth {
namespace {

bool IsClientId(const std::string& text) {
  return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

}  // namespace

bool IsValidRole(const std::string& role) {
  if (role == "holder" || role == "admin") {
    return true;
  }
  for (const std::string prefix : {"clerk:", "assessor:", "apiclient:"}) {
    if (role.rfind(prefix, 0) == 0) {
      return common::IsRegistryCode(role.substr(prefix.size()));
    }
  }
  return false;
}

bool IsValidServiceName(const std::string& name) {
  return !name.empty() && name.size() <= 32 && name.front() >= 'a' && name.front() <= 'z' &&
         std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool IsValidScope(const std::string& scope) {
  return scope == "public:read" || scope == "rounds:read" || scope == "applications:submit";
}

bool Identity::HasScope(const std::string& scope) const {
  return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

bool Identity::HasRole(const std::string& role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::string Identity::Subject() const {
  switch (kind) {
    case Kind::kPerson:
      return "EE" + personal_code;
    case Kind::kApiClient:
      return "client:" + client_id;
    case Kind::kService:
      return "service:" + service;
  }
  return "";
}

nlohmann::json Identity::ToClaims() const {
  nlohmann::json claims = {{"sub", Subject()}, {"name", name}, {"roles", roles}};
  if (!scopes.empty()) {
    claims["scopes"] = scopes;
  }
  return claims;
}

std::optional<Identity> Identity::FromClaims(const nlohmann::json& claims) {
  if (!claims.is_object() || !claims.contains("sub") || !claims["sub"].is_string()) {
    return std::nullopt;
  }
  Identity identity;
  const std::string sub = claims["sub"].get<std::string>();
  if (sub.rfind("EE", 0) == 0 && common::IsValidPersonalCode(sub.substr(2))) {
    identity.kind = Kind::kPerson;
    identity.personal_code = sub.substr(2);
  } else if (sub.rfind("client:", 0) == 0 && IsClientId(sub.substr(7))) {
    identity.kind = Kind::kApiClient;
    identity.client_id = sub.substr(7);
  } else {
    return std::nullopt;
  }
  if (claims.contains("name")) {
    if (!claims["name"].is_string()) {
      return std::nullopt;
    }
    identity.name = claims["name"].get<std::string>();
  }
  if (claims.contains("roles")) {
    if (!claims["roles"].is_array()) {
      return std::nullopt;
    }
    for (const auto& role : claims["roles"]) {
      if (!role.is_string() || !IsValidRole(role.get<std::string>())) {
        return std::nullopt;
      }
      identity.roles.push_back(role.get<std::string>());
    }
  }
  if (claims.contains("scopes")) {
    if (!claims["scopes"].is_array()) {
      return std::nullopt;
    }
    for (const auto& scope : claims["scopes"]) {
      if (!scope.is_string() || !IsValidScope(scope.get<std::string>())) {
        return std::nullopt;
      }
      identity.scopes.push_back(scope.get<std::string>());
    }
  }
  return identity;
}

}  // namespace kutse::auth
