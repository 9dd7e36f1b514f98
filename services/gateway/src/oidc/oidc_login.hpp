// Sign-in with the OpenID Connect provider, start to finish: the redirect (state, nonce, PKCE,
// login_hint) and the callback (single-use state, code exchange, ID-token checks). The provider's
// metadata and keys are fetched when first needed, so the gateway starts even if it is down.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "oidc/id_token_verifier.hpp"
#include "oidc/key_set_cache.hpp"
#include "oidc/provider_client.hpp"
#include "session/session_store.hpp"

namespace kutse::gateway {

struct LoginRequest {
  std::string return_to = "/";
  std::string login_hint;  // passed on to the provider as is
  std::string ui_locales;  // "et" or "en"
};

struct CompletedLogin {
  TaraPerson person;
  std::string return_to;
};

class OidcLogin {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  OidcLogin(ProviderClient client, SessionStore& sessions, Clock clock = std::chrono::system_clock::now);

  // The provider's authorization URL to redirect the browser to. Throws StatusError (unavailable)
  // when the provider cannot be reached.
  std::string Start(const LoginRequest& request);
  // Throws StatusError: login_expired for an unknown, expired or replayed state, unauthenticated for
  // a refused ID token, not_an_estonian_person for someone without an Estonian personal code, and
  // unavailable when the provider cannot be reached.
  CompletedLogin Complete(const std::string& code, const std::string& state);

 private:
  ProviderMetadata Metadata();

  ProviderClient client_;
  SessionStore& sessions_;
  Clock clock_;
  std::mutex mutex_;
  std::optional<ProviderMetadata> metadata_;
  std::unique_ptr<KeySetCache> keys_;
};

}  // namespace kutse::gateway
