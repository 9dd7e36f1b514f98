#include "clients/api_client.hpp"

#include <openssl/evp.h>

#include <regex>
#include <set>

#include "kutse/auth/identity.hpp"

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

std::variant<NewApiClient, std::vector<http::FieldError>> ParseNewApiClient(const nlohmann::json& body) {
  static const std::set<std::string> kKnown = {"name", "scopes", "allowed_origins", "rate_limit_per_minute"};
  std::vector<http::FieldError> errors;
  for (const auto& [key, value] : body.items()) {
    if (kKnown.count(key) == 0) {
      errors.push_back({"/" + key, "is not a known field"});
    }
  }
  NewApiClient client;
  if (!body.contains("name") || !body["name"].is_string() || body["name"].get<std::string>().empty() ||
      body["name"].get<std::string>().size() > 200) {
    errors.push_back({"/name", "must be 1 to 200 characters"});
  } else {
    client.name = body["name"];
  }
  if (!body.contains("scopes") || !body["scopes"].is_array() || body["scopes"].empty()) {
    errors.push_back({"/scopes", "must list at least one scope"});
  } else {
    for (size_t i = 0; i < body["scopes"].size(); ++i) {
      const auto& scope = body["scopes"][i];
      if (!scope.is_string() || !auth::IsValidScope(scope.get<std::string>())) {
        errors.push_back(
            {"/scopes/" + std::to_string(i), "must be public:read, rounds:read or applications:submit"});
      } else {
        client.scopes.push_back(scope);
      }
    }
  }
  if (body.contains("allowed_origins")) {
    if (!body["allowed_origins"].is_array() || body["allowed_origins"].size() > 20) {
      errors.push_back({"/allowed_origins", "must be a list of at most 20 origins"});
    } else {
      for (size_t i = 0; i < body["allowed_origins"].size(); ++i) {
        const auto& origin = body["allowed_origins"][i];
        if (!origin.is_string() || !IsValidOrigin(origin.get<std::string>())) {
          errors.push_back(
              {"/allowed_origins/" + std::to_string(i), "must be an origin like https://www.example.ee"});
        } else {
          client.allowed_origins.push_back(origin);
        }
      }
    }
  }
  if (body.contains("rate_limit_per_minute")) {
    const auto& limit = body["rate_limit_per_minute"];
    if (!limit.is_number_integer() || limit.get<long long>() < 1 || limit.get<long long>() > 100000) {
      errors.push_back({"/rate_limit_per_minute", "must be a whole number from 1 to 100000"});
    } else {
      client.rate_limit_per_minute = limit.get<int>();
    }
  }
  if (!errors.empty()) {
    return errors;
  }
  return client;
}

}  // namespace kutse::gateway
