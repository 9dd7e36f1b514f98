#include "oidc/oidc_login.hpp"

#include "kutse/common/log.hpp"
#include "kutse/common/status.hpp"
#include "oidc/pkce.hpp"

namespace kutse::gateway {
namespace {

constexpr std::chrono::seconds kKeyRefreshInterval{30};

common::StatusError ProviderUnavailable() {
  return common::StatusError(common::Unavailable(common::Msg("login.provider_unavailable")));
}

}  // namespace

OidcLogin::OidcLogin(ProviderClient client, SessionStore& sessions, Clock clock)
    : client_(std::move(client)), sessions_(sessions), clock_(std::move(clock)) {}

ProviderMetadata OidcLogin::Metadata() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!metadata_) {
    try {
      metadata_ = client_.Discover();
    } catch (const ProviderError& error) {
      common::log::Warn("identity provider discovery failed", {{"error", error.what()}});
      throw ProviderUnavailable();
    }
    std::string jwks_uri = metadata_->jwks_uri;
    keys_ = std::make_unique<KeySetCache>([this, jwks_uri] { return client_.FetchKeySet(jwks_uri); },
                                          kKeyRefreshInterval);
  }
  return *metadata_;
}

std::string OidcLogin::Start(const LoginRequest& request) {
  ProviderMetadata metadata = Metadata();
  std::string state = NewOpaqueToken();
  LoginAttempt attempt{NewOpaqueToken(), NewCodeVerifier(), request.return_to, true};
  sessions_.SaveLoginAttempt(state, attempt);
  const auto& credentials = client_.Credentials();
  std::string url = metadata.authorization_endpoint +
                    (metadata.authorization_endpoint.find('?') == std::string::npos ? "?" : "&") +
                    "response_type=code&scope=openid&client_id=" + UrlEncode(credentials.client_id) +
                    "&redirect_uri=" + UrlEncode(credentials.redirect_uri) + "&state=" + UrlEncode(state) +
                    "&nonce=" + UrlEncode(attempt.nonce) +
                    "&code_challenge=" + UrlEncode(CodeChallengeS256(attempt.code_verifier)) +
                    "&code_challenge_method=S256";
  if (!request.login_hint.empty()) {
    url += "&login_hint=" + UrlEncode(request.login_hint);
  }
  if (!request.ui_locales.empty()) {
    url += "&ui_locales=" + UrlEncode(request.ui_locales);
  }
  return url;
}

CompletedLogin OidcLogin::Complete(const std::string& code, const std::string& state) {
  auto attempt = sessions_.TakeLoginAttempt(state);
  if (!attempt || !attempt->still_valid) {
    throw common::StatusError(
        common::InvalidArgument(common::Msg("login.expired")).WithReason("login_expired"));
  }
  ProviderMetadata metadata = Metadata();
  std::string id_token;
  try {
    id_token = client_.ExchangeCode(metadata.token_endpoint, code, attempt->code_verifier);
  } catch (const ProviderError& error) {
    common::log::Warn("authorization code exchange failed", {{"error", error.what()}});
    throw common::StatusError(common::Unauthenticated(common::Msg("login.not_completed")));
  }
  IdTokenExpectations expected;
  expected.issuer = metadata.issuer;
  expected.client_id = client_.Credentials().client_id;
  expected.nonce = attempt->nonce;
  expected.now = std::chrono::duration_cast<std::chrono::seconds>(clock_().time_since_epoch()).count();
  KeySetCache* keys = keys_.get();
  IdTokenResult result = VerifyIdToken(
      id_token, [keys](const std::string& kid) { return keys->Find(kid); }, expected);
  if (result.problem == IdTokenProblem::kNotAnEstonianPerson) {
    throw common::StatusError(
        common::PermissionDenied(common::Msg("login.not_estonian")).WithReason("not_an_estonian_person"));
  }
  if (!result.person) {
    common::log::Warn("ID token refused", {{"reason", Describe(result.problem)}});
    throw common::StatusError(common::Unauthenticated(common::Msg("login.not_verified")));
  }
  return CompletedLogin{*result.person, attempt->return_to};
}

}  // namespace kutse::gateway
