#include "pades_test_support.hpp"

#include <openssl/cms.h>

#include <catch2/catch.hpp>
#include <memory>

#include "pdf/certificate_renderer.hpp"
#include "stamping_service.hpp"

namespace stamping_test {

std::string UnsealedExample() {
  kutse::stamping::LoadMessages();
  return kutse::stamping::pdf::CertificateRenderer("/usr/share/fonts/truetype/dejavu")
      .Render(ExampleDocument(), kutse::stamping::DocumentLanguage::kEstonian, ExampleTime());
}

std::chrono::system_clock::time_point NowToTheSecond() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

StampedSignature SignatureTimeStampOf(const std::string& cms_der) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(cms_der.data());
  std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)> cms(
      d2i_CMS_ContentInfo(nullptr, &bytes, static_cast<long>(cms_der.size())), &CMS_ContentInfo_free);
  REQUIRE(cms);
  CMS_SignerInfo* signer = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
  const int at = CMS_unsigned_get_attr_by_NID(signer, NID_id_smime_aa_timeStampToken, -1);
  REQUIRE(at >= 0);
  X509_ATTRIBUTE* attribute = CMS_unsigned_get_attr(signer, at);
  REQUIRE(X509_ATTRIBUTE_count(attribute) == 1);
  const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(attribute, 0);
  REQUIRE(value->type == V_ASN1_SEQUENCE);
  const ASN1_OCTET_STRING* signature = CMS_SignerInfo_get0_signature(signer);
  return {std::string(reinterpret_cast<const char*>(value->value.sequence->data),
                      static_cast<size_t>(value->value.sequence->length)),
          std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(signature)),
                      static_cast<size_t>(ASN1_STRING_length(signature)))};
}

}  // namespace stamping_test
