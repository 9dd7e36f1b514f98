#include "app/read_certificates.hpp"

#include "db/access_log_repository.hpp"
#include "db/certificate_repository.hpp"
#include "db/history_repository.hpp"
#include "db/open_request_repository.hpp"
#include "db/print_repository.hpp"

namespace kutse::certificate::app {

MyCertificateList MyCertificates(pqxx::transaction_base& tx, const auth::Identity& holder) {
  MyCertificateList list{CertificateRepository(tx).ForHolder(holder.personal_code), {}};
  std::vector<std::string> numbers;
  for (const auto& certificate : list.certificates) {
    numbers.push_back(certificate.number);
  }
  list.open_requests = OpenRequestRepository(tx).OpenOn(numbers);
  return list;
}

common::StatusOr<CertificateDetail> MyCertificate(pqxx::transaction_base& tx, const auth::Identity& holder,
                                                  const std::string& number) {
  auto certificate = number.size() > kMaxCertificateNumberLength
                         ? std::nullopt
                         : CertificateRepository(tx).FindForHolder(number, holder.personal_code);
  if (!certificate) {
    return common::NotFound(common::Msg("certificate.not_found_for_holder"));
  }
  return CertificateDetail{*certificate, HistoryRepository(tx).Of(number), PrintRepository(tx).Of(number)};
}

common::StatusOr<CertificateDetail> BodysCertificate(pqxx::work& work, const auth::Identity& staff,
                                                     const std::string& body_id, const std::string& number) {
  auto certificate = number.size() > kMaxCertificateNumberLength
                         ? std::nullopt
                         : CertificateRepository(work).FindForBody(number, body_id);
  if (!certificate) {
    return common::NotFound(common::Msg("certificate.not_found_for_body"));
  }
  AccessLogRepository(work).Log(*certificate, staff, AccessPurpose::kViewing);
  return CertificateDetail{*certificate, HistoryRepository(work).Of(number),
                           PrintRepository(work).Of(number)};
}

std::vector<AccessEntry> MyDataAccess(pqxx::transaction_base& tx, const auth::Identity& holder,
                                      const std::optional<long long>& before_id, int limit) {
  return AccessLogRepository(tx).Page(holder.personal_code, before_id, limit);
}

}  // namespace kutse::certificate::app
