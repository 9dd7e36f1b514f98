#include "kutse/auth/es256_key.hpp"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

#include <stdexcept>
#include <vector>

#include "kutse/auth/jwk_public_key.hpp"

namespace kutse::auth {
namespace {

constexpr size_t kCoordinateSize = 32;

bool IsP256(EVP_PKEY* key) {
  if (EVP_PKEY_get_base_id(key) != EVP_PKEY_EC) {
    return false;
  }
  char group[64] = {0};
  size_t length = 0;
  if (EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, &length) != 1) {
    return false;
  }
  return std::string(group) == "prime256v1" || std::string(group) == "P-256";
}

EVP_PKEY* ReadPem(const std::string& pem, bool is_private) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())),
                                                &BIO_free);
  if (!bio) {
    throw std::invalid_argument("cannot allocate a buffer for the key");
  }
  EVP_PKEY* key = is_private ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
                             : PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
  if (key == nullptr) {
    throw std::invalid_argument(is_private ? "not a PEM private key" : "not a PEM public key");
  }
  if (!IsP256(key)) {
    EVP_PKEY_free(key);
    throw std::invalid_argument("the key is not an ECDSA P-256 key");
  }
  return key;
}

}  // namespace

void Es256Key::Free::operator()(EVP_PKEY* key) const {
  EVP_PKEY_free(key);
}

Es256Key::Es256Key(EVP_PKEY* key, bool is_private) : key_(key, Free()), is_private_(is_private) {
  unsigned char* der = nullptr;
  int length = i2d_PUBKEY(key, &der);
  if (length <= 0) {
    throw std::invalid_argument("cannot encode the public key");
  }
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(der, static_cast<size_t>(length), digest);
  OPENSSL_free(der);
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = 0; i < 8; ++i) {
    key_id_.push_back(kHex[digest[i] >> 4]);
    key_id_.push_back(kHex[digest[i] & 0x0f]);
  }
}

Es256Key Es256Key::FromPrivatePem(const std::string& pem) {
  return Es256Key(ReadPem(pem, true), true);
}

Es256Key Es256Key::FromPublicPem(const std::string& pem) {
  return Es256Key(ReadPem(pem, false), false);
}

std::string Es256Key::Sign(const std::string& data) const {
  if (!is_private_) {
    throw std::logic_error("a public key cannot sign");
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  size_t der_length = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &der_length, reinterpret_cast<const unsigned char*>(data.data()),
                     data.size()) != 1) {
    throw std::runtime_error("ES256 signing failed");
  }
  std::vector<unsigned char> der(der_length);
  if (EVP_DigestSign(ctx.get(), der.data(), &der_length, reinterpret_cast<const unsigned char*>(data.data()),
                     data.size()) != 1) {
    throw std::runtime_error("ES256 signing failed");
  }
  const unsigned char* cursor = der.data();
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(
      d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der_length)), &ECDSA_SIG_free);
  if (!sig) {
    throw std::runtime_error("ES256 signature could not be decoded");
  }
  std::string raw(2 * kCoordinateSize, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), reinterpret_cast<unsigned char*>(raw.data()), kCoordinateSize);
  BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), reinterpret_cast<unsigned char*>(raw.data()) + kCoordinateSize,
               kCoordinateSize);
  return raw;
}

bool Es256Key::Verify(const std::string& data, const std::string& signature) const {
  return VerifySha256(key_.get(), data, RawEcdsaSignatureToDer(signature, kCoordinateSize));
}

}  // namespace kutse::auth
