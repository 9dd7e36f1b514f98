// Talking to the OpenID Connect provider (TARA or a stand-in): discovery, its key set, and the
// code-for-token exchange with client_secret_basic. Blocking calls through libs/http's Client with
// short timeouts: they run on worker threads, only during sign-in. Discovery and the key set are
// retried within the timeout; the code exchange is not (a code is good for one use only).
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "kutse/http/client.hpp"

namespace kutse::gateway {

class ProviderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ProviderMetadata {
  std::string issuer;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
  std::string end_session_endpoint;  // may be empty
};

struct ClientCredentials {
  std::string client_id;
  std::string client_secret;
  std::string redirect_uri;
};

class ProviderClient {
 public:
  ProviderClient(std::string issuer_url, ClientCredentials credentials,
                 std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

  ProviderMetadata Discover() const;
  nlohmann::json FetchKeySet(const std::string& jwks_uri) const;
  // Returns the id_token of the token response.
  std::string ExchangeCode(const std::string& token_endpoint, const std::string& code,
                           const std::string& code_verifier) const;
  const ClientCredentials& Credentials() const { return credentials_; }
  const std::string& IssuerUrl() const { return issuer_url_; }

 private:
  std::string issuer_url_;
  ClientCredentials credentials_;
  http::Client http_;
};

// application/x-www-form-urlencoded and query-string encoding.
std::string UrlEncode(const std::string& text);

}  // namespace kutse::gateway
