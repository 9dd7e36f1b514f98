#include "clients/api_client.hpp"

#include <openssl/evp.h>

#include <regex>

#include "kutse/auth/identity.hpp"
#include "kutse/http/json_fields.hpp"

namespace kutse::gateway {
namespace {

std::optional<std::string> DecodeBase64(const std::string& text) {
  if (text.empty() || text.size() > 512 || text.size() % 4 != 0) {
    return std::nullopt;
  }
  std::string out(text.size() / 4 * 3, '\0');
  int length =
      EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (length < 0) {
    return std::nullopt;
  }
  size_t padding = text.size() - text.find_last_not_of('=') - 1;
  out.resize(static_cast<size_t>(length) - padding);
  return out;
}

}  // namespace

bool IsValidOrigin(const std::string& origin) {
  static const std::regex kOrigin(R"(https?://[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:[0-9]{1,5})?)");
  return origin.size() <= 270 && std::regex_match(origin, kOrigin);
}

bool ParseBasicCredentials(const std::string& header, std::string& client_id, std::string& secret) {
  const std::string prefix = "Basic ";
  if (header.rfind(prefix, 0) != 0) {
    return false;
  }
  auto decoded = DecodeBase64(header.substr(prefix.size()));
  if (!decoded) {
    return false;
  }
  size_t colon = decoded->find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == decoded->size()) {
    return false;
  }
  client_id = decoded->substr(0, colon);
  secret = decoded->substr(colon + 1);
  return true;
}

common::StatusOr<NewApiClient> ParseNewApiClient(const nlohmann::json& body) {
  using common::Msg;
  common::FieldErrors errors =
      http::UnknownFields(body, {"name", "scopes", "allowed_origins", "rate_limit_per_minute"});
  NewApiClient client;
  client.name = http::RequiredText(body, "name", 200, errors).value_or("");
  if (!body.contains("scopes") || !body["scopes"].is_array() || body["scopes"].empty()) {
    errors.push_back({"/scopes", Msg("clients.scopes_required")});
  } else {
    for (size_t i = 0; i < body["scopes"].size(); ++i) {
      const auto& scope = body["scopes"][i];
      if (!scope.is_string() || !auth::IsValidScope(scope.get<std::string>())) {
        errors.push_back({"/scopes/" + std::to_string(i), Msg("clients.scope_values")});
      } else {
        client.scopes.push_back(scope);
      }
    }
  }
  if (body.contains("allowed_origins")) {
    if (!body["allowed_origins"].is_array() || body["allowed_origins"].size() > 20) {
      errors.push_back({"/allowed_origins", Msg("field.list_of_at_most", {{"max", "20"}})});
    } else {
      for (size_t i = 0; i < body["allowed_origins"].size(); ++i) {
        const auto& origin = body["allowed_origins"][i];
        if (!origin.is_string() || !IsValidOrigin(origin.get<std::string>())) {
          errors.push_back({"/allowed_origins/" + std::to_string(i), Msg("clients.origin_form")});
        } else {
          client.allowed_origins.push_back(origin);
        }
      }
    }
  }
  if (body.contains("rate_limit_per_minute")) {
    client.rate_limit_per_minute = http::OptionalInteger(body, "rate_limit_per_minute", 1, 100000, errors)
                                       .value_or(client.rate_limit_per_minute);
  }
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors));
  }
  return client;
}

}  // namespace kutse::gateway
