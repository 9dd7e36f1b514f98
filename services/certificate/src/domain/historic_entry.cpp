#include "domain/historic_entry.hpp"

namespace kutse::certificate {
namespace {

bool SameStatus(CertificateStatus a, CertificateStatus b) {
  auto lived = [](CertificateStatus s) {
    return s == CertificateStatus::kValid || s == CertificateStatus::kExpired;
  };
  return a == b || (lived(a) && lived(b));
}

}  // namespace

common::StatusOr<CertificateStatus> HistoricStatus(const std::optional<CertificateStatus>& stated,
                                                   const std::optional<common::Date>& valid_until,
                                                   const common::Date& today) {
  bool ended = valid_until && *valid_until < today;
  if (!stated) {
    return ended ? CertificateStatus::kExpired : CertificateStatus::kValid;
  }
  if (*stated == CertificateStatus::kValid && ended) {
    return common::InvalidArgument(common::Msg("import.valid_but_ended"));
  }
  if (*stated == CertificateStatus::kExpired && !ended) {
    return common::InvalidArgument(common::Msg("import.expired_but_running"));
  }
  return *stated;
}

bool IsSameEntry(const Certificate& entry, const Certificate& stored) {
  return stored.origin == CertificateOrigin::kImported && entry.number == stored.number &&
         entry.type == stored.type && entry.holder_personal_code == stored.holder_personal_code &&
         entry.holder_name == stored.holder_name && entry.standard_code == stored.standard_code &&
         entry.standard_name == stored.standard_name && entry.level == stored.level &&
         entry.historic_level == stored.historic_level && entry.awarding_body_id == stored.awarding_body_id &&
         entry.decision_date == stored.decision_date && entry.decision_number == stored.decision_number &&
         entry.issue_date == stored.issue_date && entry.valid_from == stored.valid_from &&
         entry.valid_until == stored.valid_until && entry.language == stored.language &&
         SameStatus(entry.status, stored.status);
}

}  // namespace kutse::certificate
