#include "domain/certificate_status.hpp"

#include "kutse/common/enum_names.hpp"

namespace kutse::workflow {
namespace {

// The same names as the certificate service's, so the facts travel unchanged.
constexpr common::EnumName<CertificateStatus> kNames[] = {
    {CertificateStatus::kValid, "valid"},
    {CertificateStatus::kExpired, "expired"},
    {CertificateStatus::kInvalidated, "invalidated"},
    {CertificateStatus::kAnnulled, "annulled"},
};

}  // namespace

const char* ToString(CertificateStatus status) {
  return common::NameOf(kNames, status);
}

std::optional<CertificateStatus> ParseCertificateStatus(const std::string& text) {
  return common::ValueOf(kNames, text);
}

}  // namespace kutse::workflow
