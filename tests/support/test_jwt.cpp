#include "support/test_jwt.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

#include <stdexcept>
#include <vector>

#include "kutse/common/base64url.hpp"

namespace kutse::testing {
namespace {

std::string BignumBytes(EVP_PKEY* key, const char* name) {
  BIGNUM* value = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &value) != 1) {
    throw std::runtime_error("cannot read key parameter");
  }
  std::string bytes(static_cast<size_t>(BN_num_bytes(value)), '\0');
  BN_bn2bin(value, reinterpret_cast<unsigned char*>(bytes.data()));
  BN_free(value);
  return bytes;
}

}  // namespace

TestSigningKey::TestSigningKey(EVP_PKEY* key, std::string alg, std::string kid)
    : key_(key, &EVP_PKEY_free), alg_(std::move(alg)), kid_(std::move(kid)) {}

TestSigningKey TestSigningKey::Rsa(const std::string& kid) {
  return TestSigningKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)), "RS256", kid);
}

TestSigningKey TestSigningKey::Ec(const std::string& kid) {
  return TestSigningKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), "ES256", kid);
}

nlohmann::json TestSigningKey::PublicJwk() const {
  if (alg_ == "RS256") {
    return {{"kty", "RSA"},
            {"kid", kid_},
            {"use", "sig"},
            {"alg", "RS256"},
            {"n", common::Base64UrlEncode(BignumBytes(key_.get(), OSSL_PKEY_PARAM_RSA_N))},
            {"e", common::Base64UrlEncode(BignumBytes(key_.get(), OSSL_PKEY_PARAM_RSA_E))}};
  }
  unsigned char point[65];
  size_t length = 0;
  EVP_PKEY_get_octet_string_param(key_.get(), OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point, &length);
  std::string raw(reinterpret_cast<char*>(point), length);
  return {{"kty", "EC"},
          {"kid", kid_},
          {"use", "sig"},
          {"crv", "P-256"},
          {"x", common::Base64UrlEncode(raw.substr(1, 32))},
          {"y", common::Base64UrlEncode(raw.substr(33, 32))}};
}

std::string TestSigningKey::Sign(const nlohmann::json& claims, const nlohmann::json& header_extra) const {
  nlohmann::json header = {{"alg", alg_}, {"kid", kid_}, {"typ", "JWT"}};
  header.update(header_extra);
  std::string input = common::Base64UrlEncode(header.dump()) + "." + common::Base64UrlEncode(claims.dump());
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  size_t size = 0;
  EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get());
  EVP_DigestSign(ctx.get(), nullptr, &size, reinterpret_cast<const unsigned char*>(input.data()),
                 input.size());
  std::vector<unsigned char> signature(size);
  EVP_DigestSign(ctx.get(), signature.data(), &size, reinterpret_cast<const unsigned char*>(input.data()),
                 input.size());
  std::string raw(reinterpret_cast<char*>(signature.data()), size);
  if (alg_ == "ES256") {
    const unsigned char* cursor = signature.data();
    ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(size));
    raw.assign(64, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char*>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
    ECDSA_SIG_free(sig);
  }
  return input + "." + common::Base64UrlEncode(raw);
}

}  // namespace kutse::testing
