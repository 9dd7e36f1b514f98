#include "domain/certificate_status.hpp"

#include "kutse/common/enum_names.hpp"

namespace kutse::certificate {
namespace {

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

std::optional<CertificateStatus> ParseStatus(const std::string& text) {
  return common::ValueOf(kNames, text);
}

bool CanChange(CertificateStatus from, CertificateStatus to) {
  switch (to) {
    case CertificateStatus::kExpired:
    case CertificateStatus::kInvalidated:
      return from == CertificateStatus::kValid;
    case CertificateStatus::kAnnulled:
      return from == CertificateStatus::kValid || from == CertificateStatus::kExpired;
    case CertificateStatus::kValid:
      return false;  // re-certification issues a new certificate instead
  }
  return false;
}

bool MayBeStamped(CertificateStatus status) {
  return status == CertificateStatus::kValid;
}

}  // namespace kutse::certificate
