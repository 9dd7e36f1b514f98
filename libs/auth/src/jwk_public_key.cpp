#include "kutse/auth/jwk_public_key.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <stdexcept>

#include "kutse/common/base64url.hpp"

namespace kutse::auth {
namespace {

constexpr size_t kP256CoordinateSize = 32;
constexpr int kMinRsaBits = 2048;

std::string Member(const nlohmann::json& jwk, const char* name) {
  if (!jwk.contains(name) || !jwk[name].is_string()) {
    throw std::invalid_argument(std::string("JWK without ") + name);
  }
  auto decoded = common::Base64UrlDecode(jwk[name].get<std::string>());
  if (!decoded || decoded->empty()) {
    throw std::invalid_argument(std::string("JWK member ") + name + " is not base64url");
  }
  return *decoded;
}

using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)>;
using Params = std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)>;
using Bignum = std::unique_ptr<BIGNUM, decltype(&BN_free)>;

EVP_PKEY* FromParams(const char* type, OSSL_PARAM* params) {
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
      EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr), &EVP_PKEY_CTX_free);
  EVP_PKEY* key = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) != 1 || key == nullptr) {
    throw std::invalid_argument("JWK does not make a usable key");
  }
  return key;
}

EVP_PKEY* RsaKey(const nlohmann::json& jwk) {
  std::string n = Member(jwk, "n");
  std::string e = Member(jwk, "e");
  Bignum modulus(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(n.data()), static_cast<int>(n.size()), nullptr),
      &BN_free);
  Bignum exponent(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(e.data()), static_cast<int>(e.size()), nullptr),
      &BN_free);
  if (!modulus || !exponent || BN_num_bits(modulus.get()) < kMinRsaBits) {
    throw std::invalid_argument("RSA JWK is too short or malformed");
  }
  ParamBuilder builder(OSSL_PARAM_BLD_new(), &OSSL_PARAM_BLD_free);
  OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get());
  OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get());
  Params params(OSSL_PARAM_BLD_to_param(builder.get()), &OSSL_PARAM_free);
  return FromParams("RSA", params.get());
}

EVP_PKEY* P256Key(const nlohmann::json& jwk) {
  if (jwk.value("crv", "") != "P-256") {
    throw std::invalid_argument("EC JWK on a curve other than P-256");
  }
  std::string x = Member(jwk, "x");
  std::string y = Member(jwk, "y");
  if (x.size() != kP256CoordinateSize || y.size() != kP256CoordinateSize) {
    throw std::invalid_argument("EC JWK coordinates have the wrong length");
  }
  std::string point = std::string(1, '\x04') + x + y;  // uncompressed point
  ParamBuilder builder(OSSL_PARAM_BLD_new(), &OSSL_PARAM_BLD_free);
  OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0);
  OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
  Params params(OSSL_PARAM_BLD_to_param(builder.get()), &OSSL_PARAM_free);
  return FromParams("EC", params.get());
}

}  // namespace

std::string RawEcdsaSignatureToDer(const std::string& raw, size_t coordinate_size) {
  if (raw.size() != 2 * coordinate_size) {
    return "";
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(ECDSA_SIG_new(), &ECDSA_SIG_free);
  BIGNUM* r = BN_bin2bn(bytes, static_cast<int>(coordinate_size), nullptr);
  BIGNUM* s = BN_bin2bn(bytes + coordinate_size, static_cast<int>(coordinate_size), nullptr);
  if (!sig || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return "";
  }
  unsigned char* der = nullptr;
  int length = i2d_ECDSA_SIG(sig.get(), &der);
  if (length <= 0) {
    return "";
  }
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(length));
  OPENSSL_free(der);
  return out;
}

bool VerifySha256(EVP_PKEY* key, const std::string& data, const std::string& signature) {
  if (signature.empty()) {
    return false;
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
         EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(data.data()),
                          data.size()) == 1;
}

JwkPublicKey::JwkPublicKey(EVP_PKEY* key, std::string kid, std::string kty)
    : key_(key, &EVP_PKEY_free), kid_(std::move(kid)), kty_(std::move(kty)) {}

JwkPublicKey JwkPublicKey::FromJwk(const nlohmann::json& jwk) {
  if (!jwk.is_object()) {
    throw std::invalid_argument("JWK is not an object");
  }
  std::string kty = jwk.value("kty", "");
  std::string kid = jwk.contains("kid") && jwk["kid"].is_string() ? jwk["kid"].get<std::string>() : "";
  if (jwk.contains("use") && jwk["use"] != "sig") {
    throw std::invalid_argument("JWK is not for signatures");
  }
  if (kty == "RSA") {
    return JwkPublicKey(RsaKey(jwk), kid, kty);
  }
  if (kty == "EC") {
    return JwkPublicKey(P256Key(jwk), kid, kty);
  }
  throw std::invalid_argument("JWK of unsupported type");
}

bool JwkPublicKey::Verify(const std::string& alg, const std::string& signing_input,
                          const std::string& signature) const {
  if (alg == "RS256" && kty_ == "RSA") {
    return VerifySha256(key_.get(), signing_input, signature);
  }
  if (alg == "ES256" && kty_ == "EC") {
    return VerifySha256(key_.get(), signing_input, RawEcdsaSignatureToDer(signature, kP256CoordinateSize));
  }
  return false;
}

}  // namespace kutse::auth
