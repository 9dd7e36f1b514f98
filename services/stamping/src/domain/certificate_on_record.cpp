#include "domain/certificate_on_record.hpp"

namespace kutse::stamping {

common::Status MayStamp(const CertificateOnRecord& certificate, const std::string& personal_code) {
  if (certificate.holder_personal_code != personal_code) {
    return common::NotFound(common::Msg("stamping.certificate_not_found"));
  }
  if (certificate.replaced_by) {
    return common::FailedPrecondition(
        common::Msg("stamping.certificate_replaced", {{"duplicate", *certificate.replaced_by}}));
  }
  if (certificate.status != "valid") {
    return common::FailedPrecondition(
        common::Msg("stamping.certificate_not_valid", {{"status", certificate.status}}));
  }
  return common::Status();
}

CertificateDocument DocumentFor(const CertificateOnRecord& certificate, DocumentLanguage language,
                                const std::string& verification_url) {
  CertificateDocument document = certificate.document;
  document.qualification_name = language == DocumentLanguage::kEnglish && certificate.qualification_name_en
                                    ? *certificate.qualification_name_en
                                    : certificate.qualification_name_et;
  document.verification_url = verification_url;
  return document;
}

}  // namespace kutse::stamping
