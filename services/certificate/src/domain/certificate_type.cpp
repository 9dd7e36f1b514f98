#include "domain/certificate_type.hpp"

#include "kutse/common/enum_names.hpp"

namespace kutse::certificate {
namespace {

constexpr common::EnumName<CertificateType> kNames[] = {
    {CertificateType::kCertificate, "certificate"},
    {CertificateType::kPartialQualification, "partial_qualification"},
    {CertificateType::kInitialQualification, "initial_qualification"},
};

}  // namespace

const char* ToString(CertificateType type) {
  return common::NameOf(kNames, type);
}

std::optional<CertificateType> ParseCertificateType(const std::string& text) {
  return common::ValueOf(kNames, text);
}

bool IsCertificateLanguage(const std::string& language) {
  return language == "et" || language == "en" || language == "ru";
}

}  // namespace kutse::certificate
