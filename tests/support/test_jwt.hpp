// Tests' own signing keys (RSA 2048 or EC P-256) with their public JWK, and JWTs signed with them:
// for building ID tokens the way a provider would, including tampered and wrong ones.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

typedef struct evp_pkey_st EVP_PKEY;

namespace kutse::testing {

class TestSigningKey {
 public:
  static TestSigningKey Rsa(const std::string& kid);
  static TestSigningKey Ec(const std::string& kid);

  nlohmann::json PublicJwk() const;
  const std::string& Algorithm() const { return alg_; }  // RS256 or ES256
  const std::string& KeyId() const { return kid_; }
  // A compact JWS of the claims; `header_extra` is merged into {"alg","kid","typ"}.
  std::string Sign(const nlohmann::json& claims,
                   const nlohmann::json& header_extra = nlohmann::json::object()) const;

 private:
  TestSigningKey(EVP_PKEY* key, std::string alg, std::string kid);
  std::shared_ptr<EVP_PKEY> key_;
  std::string alg_;
  std::string kid_;
};

}  // namespace kutse::testing
