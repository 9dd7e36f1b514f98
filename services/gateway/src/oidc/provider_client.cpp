#include "oidc/provider_client.hpp"

#include <curl/curl.h>

#include <memory>

namespace kutse::gateway {
namespace {

constexpr size_t kMaxAnswerBytes = 256 * 1024;

size_t Collect(char* data, size_t size, size_t count, void* target) {
  auto* body = static_cast<std::string*>(target);
  if (body->size() + size * count > kMaxAnswerBytes) {
    return 0;
  }
  body->append(data, size * count);
  return size * count;
}

struct Answer {
  long status = 0;
  std::string body;
};

// One request; `form` empty means GET. Throws ProviderError on a transport failure.
Answer Call(const std::string& url, const std::string& form, const std::string& basic_user,
            const std::string& basic_password, std::chrono::milliseconds timeout) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> easy(curl_easy_init(), &curl_easy_cleanup);
  Answer answer;
  curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
  curl_easy_setopt(easy.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy.get(), CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, &answer.body);
  curl_easy_setopt(easy.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(easy.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  if (!form.empty()) {
    curl_easy_setopt(easy.get(), CURLOPT_POSTFIELDS, form.c_str());
  }
  if (!basic_user.empty()) {
    curl_easy_setopt(easy.get(), CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(easy.get(), CURLOPT_USERNAME, basic_user.c_str());
    curl_easy_setopt(easy.get(), CURLOPT_PASSWORD, basic_password.c_str());
  }
  CURLcode result = curl_easy_perform(easy.get());
  curl_slist_free_all(headers);
  if (result != CURLE_OK) {
    throw ProviderError(std::string("the identity provider could not be reached: ") +
                        curl_easy_strerror(result));
  }
  curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &answer.status);
  return answer;
}

nlohmann::json JsonObject(const Answer& answer, const std::string& what) {
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
    : issuer_url_(std::move(issuer_url)), credentials_(std::move(credentials)), timeout_(timeout) {
  while (!issuer_url_.empty() && issuer_url_.back() == '/') {
    issuer_url_.pop_back();
  }
}

ProviderMetadata ProviderClient::Discover() const {
  auto json = JsonObject(Call(issuer_url_ + "/.well-known/openid-configuration", "", "", "", timeout_),
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
  auto json = JsonObject(Call(jwks_uri, "", "", "", timeout_), "fetching the provider's keys");
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
  auto json = JsonObject(Call(token_endpoint, form, UrlEncode(credentials_.client_id),
                              UrlEncode(credentials_.client_secret), timeout_),
                         "exchanging the authorization code");
  return RequiredText(json, "id_token");
}

}  // namespace kutse::gateway
