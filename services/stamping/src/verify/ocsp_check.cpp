#include "verify/ocsp_check.hpp"

#include <openssl/err.h>
#include <openssl/ocsp.h>

#include <ctime>
#include <memory>

namespace kutse::stamping::verify {

bool OcspSaysGood(const std::string& der, X509* signer, std::chrono::system_clock::time_point time_stamped) {
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<OCSP_RESPONSE, decltype(&OCSP_RESPONSE_free)> response(
      d2i_OCSP_RESPONSE(nullptr, &cursor, static_cast<long>(der.size())), &OCSP_RESPONSE_free);
  if (!response || cursor != reinterpret_cast<const unsigned char*>(der.data()) + der.size() ||
      OCSP_response_status(response.get()) != OCSP_RESPONSE_STATUS_SUCCESSFUL) {
    return false;
  }
  std::unique_ptr<OCSP_BASICRESP, decltype(&OCSP_BASICRESP_free)> basic(
      OCSP_response_get1_basic(response.get()), &OCSP_BASICRESP_free);
  std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> no_store(X509_STORE_new(), &X509_STORE_free);
  if (!basic || !no_store || OCSP_basic_verify(basic.get(), nullptr, no_store.get(), OCSP_NOVERIFY) != 1)
    return false;
  std::tm produced{};
  const ASN1_GENERALIZEDTIME* produced_at = OCSP_resp_get0_produced_at(basic.get());
  if (produced_at == nullptr || ASN1_TIME_to_tm(produced_at, &produced) != 1 ||
      std::chrono::system_clock::from_time_t(timegm(&produced)) < time_stamped) {
    return false;
  }
  const int count = OCSP_resp_count(basic.get());
  for (int i = 0; i < count; ++i) {
    OCSP_SINGLERESP* single = OCSP_resp_get0(basic.get(), i);
    ASN1_OCTET_STRING* name_hash = nullptr;
    ASN1_OBJECT* hash_method = nullptr;
    ASN1_INTEGER* serial = nullptr;
    if (single == nullptr ||
        OCSP_id_get0_info(&name_hash, &hash_method, nullptr, &serial,
                          const_cast<OCSP_CERTID*>(OCSP_SINGLERESP_get0_id(single))) != 1 ||
        ASN1_INTEGER_cmp(serial, X509_get0_serialNumber(signer)) != 0) {
      continue;
    }
    unsigned char expected[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const EVP_MD* hash = EVP_get_digestbyobj(hash_method);
    if (hash == nullptr || X509_NAME_digest(X509_get_issuer_name(signer), hash, expected, &length) != 1 ||
        ASN1_STRING_length(name_hash) != static_cast<int>(length) ||
        CRYPTO_memcmp(ASN1_STRING_get0_data(name_hash), expected, length) != 0) {
      continue;
    }
    int reason = 0;
    if (OCSP_single_get0_status(single, &reason, nullptr, nullptr, nullptr) == V_OCSP_CERTSTATUS_GOOD)
      return true;
  }
  return false;
}

}  // namespace kutse::stamping::verify
