#include "oidc/provider_client.hpp"

#include <algorithm>

namespace kutse::gateway {
namespace {

constexpr size_t kMaxAnswerBytes = 256 * 1024;

std::string WithoutTrailingSlash(std::string url) {
  while (!url.empty() && url.back() == '/') {
    url.pop_back();
  }
  return url;
}

http::ClientOptions ProviderOptions(const std::string& issuer_url, std::chrono::milliseconds timeout) {
  http::ClientOptions options;
  options.upstream = "oidc";
  options.base_url = issuer_url;
  options.connect_timeout = std::min(options.connect_timeout, timeout);
  options.timeout = timeout;
  options.retry.budget = timeout;  // retries, if any, fit within the time one call always had
  options.max_response_bytes = kMaxAnswerBytes;
  return options;
}

// One request, asking for JSON; throws ProviderError when no answer came.
http::ClientResponse Call(const http::Client& client, http::ClientRequest request) {
  request.headers.emplace_back("Accept", "application/json");
  auto answer = client.Send(request);
  if (!answer.ok()) {
    throw ProviderError(std::string("the identity provider could not be reached: ") +
                        common::ToString(answer.status().code()) + " " + answer.status().message().key);
  }
  return std::move(answer).value();
}

nlohmann::json JsonObject(const http::ClientResponse& answer, const std::string& what) {
  auto json = nlohmann::json::parse(answer.body, nullptr, false);
  if (answer.status != 200 || json.is_discarded() || !json.is_object()) {
    throw ProviderError(what + " failed with status " + std::to_string(answer.status));
  }
  return json;
}

std::string RequiredText(const nlohmann::json& json, const char* key) {
  if (!json.contains(key) || !json[key].is_string() || json[key].get<std::string>().empty()) {
    throw ProviderError(std::string("the provider's answer has no ") + key);
  }
  return json[key];
}

}  // namespace

std::string UrlEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0f]);
    }
  }
  return out;
}

ProviderClient::ProviderClient(std::string issuer_url, ClientCredentials credentials,
                               std::chrono::milliseconds timeout)
    : issuer_url_(WithoutTrailingSlash(std::move(issuer_url))),
      credentials_(std::move(credentials)),
      http_(ProviderOptions(issuer_url_, timeout)) {}

ProviderMetadata ProviderClient::Discover() const {
  auto json =
      JsonObject(Call(http_, {"GET", "/.well-known/openid-configuration", {}, "", false, std::nullopt}),
                 "OpenID Connect discovery");
  ProviderMetadata metadata{RequiredText(json, "issuer"), RequiredText(json, "authorization_endpoint"),
                            RequiredText(json, "token_endpoint"), RequiredText(json, "jwks_uri"),
                            json.value("end_session_endpoint", "")};
  if (metadata.issuer != issuer_url_) {
    // OpenID Connect Discovery §4.3: the issuer must be exactly the one asked for.
    throw ProviderError("the discovery document names another issuer");
  }
  return metadata;
}

nlohmann::json ProviderClient::FetchKeySet(const std::string& jwks_uri) const {
  auto json =
      JsonObject(Call(http_, {"GET", jwks_uri, {}, "", false, std::nullopt}), "fetching the provider's keys");
  if (!json.contains("keys") || !json["keys"].is_array()) {
    throw ProviderError("the provider's key set has no keys");
  }
  return json;
}

std::string ProviderClient::ExchangeCode(const std::string& token_endpoint, const std::string& code,
                                         const std::string& code_verifier) const {
  std::string form = "grant_type=authorization_code&code=" + UrlEncode(code) +
                     "&redirect_uri=" + UrlEncode(credentials_.redirect_uri) +
                     "&code_verifier=" + UrlEncode(code_verifier);
  // client_secret_basic: RFC 6749 §2.3.1 wants both parts form-encoded inside the Basic header.
  http::ClientRequest request{
      "POST",
      token_endpoint,
      {{"Content-Type", "application/x-www-form-urlencoded"}},
      form,
      false,
      std::make_pair(UrlEncode(credentials_.client_id), UrlEncode(credentials_.client_secret))};
  auto json = JsonObject(Call(http_, std::move(request)), "exchanging the authorization code");
  return RequiredText(json, "id_token");
}

}  // namespace kutse::gateway
