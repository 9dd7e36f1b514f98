// A public key from a JSON Web Key (RFC 7517): RSA (n, e) or EC P-256 (x, y), as an OpenID
// Connect provider publishes them in its JWKS; and JWS signature checks with it (RS256, ES256).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

typedef struct evp_pkey_st EVP_PKEY;

namespace kutse::auth {

class JwkPublicKey {
 public:
  // Throws std::invalid_argument for a key that is not RSA or EC P-256, or is malformed.
  static JwkPublicKey FromJwk(const nlohmann::json& jwk);

  const std::string& KeyId() const { return kid_; }
  const std::string& KeyType() const { return kty_; }  // "RSA" or "EC"
  // True only when `alg` fits the key type (RS256 for RSA, ES256 for EC) and the signature holds.
  bool Verify(const std::string& alg, const std::string& signing_input, const std::string& signature) const;

 private:
  JwkPublicKey(EVP_PKEY* key, std::string kid, std::string kty);

  std::shared_ptr<EVP_PKEY> key_;
  std::string kid_;
  std::string kty_;
};

// DER-encodes a raw JWS ECDSA signature (r||s); empty on a wrong length. Shared by the ES256 code.
std::string RawEcdsaSignatureToDer(const std::string& raw, size_t coordinate_size);
// Verifies a DER or PKCS#1 signature over data with SHA-256.
bool VerifySha256(EVP_PKEY* key, const std::string& data, const std::string& signature);

}  // namespace kutse::auth
