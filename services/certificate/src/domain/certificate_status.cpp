#include "domain/certificate_status.hpp"

namespace kutse::certificate {

const char* ToString(CertificateStatus status) {
  switch (status) {
    case CertificateStatus::kValid:
      return "valid";
    case CertificateStatus::kExpired:
      return "expired";
    case CertificateStatus::kInvalidated:
      return "invalidated";
    case CertificateStatus::kAnnulled:
      return "annulled";
  }
  return "valid";
}

std::optional<CertificateStatus> ParseStatus(const std::string& text) {
  for (auto status : {CertificateStatus::kValid, CertificateStatus::kExpired, CertificateStatus::kInvalidated,
                      CertificateStatus::kAnnulled}) {
    if (text == ToString(status)) {
      return status;
    }
  }
  return std::nullopt;
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
