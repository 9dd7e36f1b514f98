// Service-to-service identity (ADR 0005): a calling service signs its own short-lived ES256 token
// with its own key (iss = sub = "service:<name>", aud = the service it calls); the callee trusts
// a given set of callers' public keys, each key only for the service it belongs to. The same JWT
// shape and algorithm as the gateway's tokens, so nothing new to deploy: a key pair per calling
// service, its public half given to the services it calls.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "kutse/auth/es256_key.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/common/status.hpp"

namespace kutse::auth {

// Longest lifetime a service token may claim, and how far a caller's clock may run ahead.
inline constexpr std::chrono::seconds kMaxServiceTokenLifetime{300};
inline constexpr std::chrono::seconds kServiceTokenClockSkew{30};

// The caller's side. Thread-safe; a token is reused while more than half its lifetime is left, so a
// service that calls another many times signs once a half-minute, not once a call.
class ServiceTokenSigner {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  // Throws std::invalid_argument for a name IsValidServiceName refuses or a lifetime outside 1 s
  // to kMaxServiceTokenLifetime. `key` must be the service's private key.
  ServiceTokenSigner(std::string service, Es256Key key,
                     std::chrono::seconds lifetime = std::chrono::seconds(60),
                     Clock clock = std::chrono::system_clock::now);

  // "Bearer" token for a call to `audience` (the callee's service name).
  std::string Issue(const std::string& audience);
  const std::string& Service() const { return service_; }

 private:
  struct Cached {
    std::string token;
    std::chrono::system_clock::time_point renew_after;
  };

  std::string service_;
  Es256Key key_;
  std::chrono::seconds lifetime_;
  Clock clock_;
  std::mutex mutex_;
  std::map<std::string, Cached> by_audience_;
};

// One public key the callee trusts, and the one service it speaks for. A service may have several
// (a new key beside the old one while keys are rotated).
struct TrustedService {
  std::string name;
  Es256Key public_key;
};

// The callee's side. Thread-safe (no state changes after construction). Each token costs one
// ECDSA verification: service calls are few (one per seal), so there is no cache of verified
// tokens as the gateway's verifier keeps.
class ServiceTokenVerifier {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  // `audience`: this service's own name. Throws std::invalid_argument for an invalid name or one
  // key given for two services.
  ServiceTokenVerifier(std::string audience, std::vector<TrustedService> trusted,
                       Clock clock = std::chrono::system_clock::now);

  // The calling service (Identity::Kind::kService), or unauthenticated with the reason as its
  // message: malformed, not ES256, a key not trusted here, a bad signature, a subject its key does
  // not speak for, another audience, expired, issued in the future or living too long.
  common::StatusOr<Identity> Verify(const std::string& token) const;
  // Whether the token names one of the trusted keys: a quick look, before any verification, to
  // tell a service's token from the gateway's.
  bool NamesTrustedKey(const std::string& token) const;

 private:
  const TrustedService* Find(const std::string& kid) const;

  std::string audience_;
  std::map<std::string, TrustedService> by_key_id_;
  Clock clock_;
};

// Loads libs/auth's own message texts (generated from libs/auth/messages/*.json).
void LoadEmbeddedMessages();

}  // namespace kutse::auth
