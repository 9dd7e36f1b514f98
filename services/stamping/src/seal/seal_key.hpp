// The register keeper's e-seal: its private key, its certificate and the chain up to the CA, read
// from a PEM or PKCS#12 file at start. The key never leaves this object: nothing here prints,
// logs or returns it, and errors say which part is wrong, never what it holds.
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

namespace kutse::stamping::seal {

class SealKey {
 public:
  // `key` is a PEM private key (the certificate and chain may follow it in the same text) or a
  // PKCS#12 file; `certificates` (PEM: the seal certificate first, then its CA) may be empty when
  // `key` holds them. `password` unlocks an encrypted PEM key or the PKCS#12 file. Throws
  // std::runtime_error when a part cannot be read or the certificate is not the key's.
  static SealKey Load(const std::string& key, const std::string& certificates, const std::string& password);

  EVP_PKEY* Key() const { return key_.get(); }
  X509* Certificate() const { return certificate_.get(); }
  STACK_OF(X509) * Chain() const { return chain_.get(); }  // the CAs above the seal certificate

 private:
  std::shared_ptr<EVP_PKEY> key_;
  std::shared_ptr<X509> certificate_;
  std::shared_ptr<STACK_OF(X509)> chain_;
};

}  // namespace kutse::stamping::seal
