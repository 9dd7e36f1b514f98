#include "verify/time_stamp_check.hpp"

#include <openssl/err.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>

#include <ctime>
#include <memory>
#include <string>

namespace kutse::stamping::verify {
namespace {

// A token is a few KiB; far more is not one.
constexpr size_t kMaxTokenBytes = 64 * 1024;

const EVP_MD* ImprintDigest(const X509_ALGOR* algorithm) {
  switch (OBJ_obj2nid(algorithm->algorithm)) {
    case NID_sha256:
      return EVP_sha256();
    case NID_sha384:
      return EVP_sha384();
    case NID_sha512:
      return EVP_sha512();
    default:
      return nullptr;  // SHA-1 and older are not accepted for a seal's time
  }
}

std::optional<TimeStampFacts> Check(std::string_view token_der, std::string_view stamped,
                                    const SignerTrust& tsa_trusted) {
  if (token_der.empty() || token_der.size() > kMaxTokenBytes) {
    return std::nullopt;
  }
  const auto* cursor = reinterpret_cast<const unsigned char*>(token_der.data());
  std::unique_ptr<PKCS7, decltype(&PKCS7_free)> token(
      d2i_PKCS7(nullptr, &cursor, static_cast<long>(token_der.size())), &PKCS7_free);
  if (!token || !PKCS7_type_is_signed(token.get())) {
    return std::nullopt;
  }
  std::unique_ptr<TS_TST_INFO, decltype(&TS_TST_INFO_free)> info(PKCS7_to_TS_TST_INFO(token.get()),
                                                                 &TS_TST_INFO_free);
  if (!info) {
    return std::nullopt;
  }
  // The signature over the TSTInfo, with the TSA certificate the token carries; no chain here.
  std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> no_store(X509_STORE_new(), &X509_STORE_free);
  if (!no_store ||
      PKCS7_verify(token.get(), nullptr, no_store.get(), nullptr, nullptr, PKCS7_NOVERIFY) != 1) {
    return std::nullopt;
  }
  TS_MSG_IMPRINT* imprint = TS_TST_INFO_get_msg_imprint(info.get());
  const EVP_MD* digest = ImprintDigest(TS_MSG_IMPRINT_get_algo(imprint));
  const ASN1_OCTET_STRING* expected = TS_MSG_IMPRINT_get_msg(imprint);
  unsigned char actual[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (digest == nullptr ||
      EVP_Digest(stamped.data(), stamped.size(), actual, &length, digest, nullptr) != 1 ||
      ASN1_STRING_length(expected) != static_cast<int>(length) ||
      CRYPTO_memcmp(ASN1_STRING_get0_data(expected), actual, length) != 0) {
    return std::nullopt;
  }
  std::tm time{};
  const ASN1_GENERALIZEDTIME* gen_time = TS_TST_INFO_get_time(info.get());
  if (gen_time == nullptr || ASN1_TIME_to_tm(gen_time, &time) != 1) {
    return std::nullopt;
  }
  TimeStampFacts facts{std::chrono::system_clock::from_time_t(timegm(&time)), true};
  if (tsa_trusted) {
    STACK_OF(X509)* carried = token->d.sign->cert;
    std::unique_ptr<STACK_OF(X509), void (*)(STACK_OF(X509)*)> signers(
        PKCS7_get0_signers(token.get(), nullptr, 0), [](STACK_OF(X509) * list) { sk_X509_free(list); });
    facts.tsa_trusted = signers && sk_X509_num(signers.get()) == 1 &&
                        tsa_trusted(sk_X509_value(signers.get(), 0), carried, facts.gen_time);
  }
  return facts;
}

}  // namespace

std::optional<TimeStampFacts> CheckTimeStamp(std::string_view token_der, std::string_view stamped,
                                             const SignerTrust& tsa_trusted) {
  auto facts = Check(token_der, stamped, tsa_trusted);
  ERR_clear_error();
  return facts;
}

}  // namespace kutse::stamping::verify
