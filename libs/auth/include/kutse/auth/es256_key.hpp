// An ECDSA P-256 key loaded from PEM, and ES256 (JWS) signing and verification with it.
// JWS wants the raw 64-byte r||s signature, OpenSSL speaks DER: the conversion lives here.
#pragma once

#include <memory>
#include <string>

typedef struct evp_pkey_st EVP_PKEY;

namespace kutse::auth {

class Es256Key {
 public:
  static Es256Key FromPrivatePem(const std::string& pem);  // throws std::invalid_argument
  static Es256Key FromPublicPem(const std::string& pem);   // throws std::invalid_argument

  std::string Sign(const std::string& data) const;  // raw r||s, 64 bytes
  bool Verify(const std::string& data, const std::string& signature) const;
  // Key id: the first 16 hex characters of the SHA-256 of the DER public key.
  const std::string& KeyId() const { return key_id_; }

 private:
  struct Free {
    void operator()(EVP_PKEY* key) const;
  };
  Es256Key(EVP_PKEY* key, bool is_private);

  std::shared_ptr<EVP_PKEY> key_;
  bool is_private_ = false;
  std::string key_id_;
};

}  // namespace kutse::auth
