#include "domain/certificate_type.hpp"

namespace kutse::certificate {

const char* ToString(CertificateType type) {
  switch (type) {
    case CertificateType::kPartialQualification:
      return "partial_qualification";
    case CertificateType::kInitialQualification:
      return "initial_qualification";
    case CertificateType::kCertificate:
      break;
  }
  return "certificate";
}

std::optional<CertificateType> ParseCertificateType(const std::string& text) {
  for (auto type : {CertificateType::kCertificate, CertificateType::kPartialQualification,
                    CertificateType::kInitialQualification}) {
    if (text == ToString(type)) {
      return type;
    }
  }
  return std::nullopt;
}

bool IsCertificateLanguage(const std::string& language) {
  return language == "et" || language == "en" || language == "ru";
}

}  // namespace kutse::certificate
