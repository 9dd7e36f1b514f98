#include "app/certificate_facts.hpp"

#include "db/awarding_body_repository.hpp"
#include "db/certificate_repository.hpp"
#include "db/standard_repository.hpp"

namespace kutse::certificate::app {

common::StatusOr<CertificateFacts> FactsForService(pqxx::transaction_base& tx, const common::Clock& clock,
                                                   const std::string& number) {
  auto certificate =
      number.size() > kMaxCertificateNumberLength ? std::nullopt : CertificateRepository(tx).Find(number);
  if (!certificate) {
    return common::NotFound(common::Msg("certificate.facts_not_found"));
  }
  std::optional<OccupationalStandard> standard;
  if (certificate->standard_code) {
    auto found = StandardRepository(tx).ByCodes({*certificate->standard_code});
    if (auto it = found.find(*certificate->standard_code); it != found.end()) {
      standard = std::move(it->second);
    }
  }
  auto body = AwardingBodyRepository(tx).Find(certificate->awarding_body_id);
  return FactsOf(*certificate, standard ? &*standard : nullptr, body ? &*body : nullptr, clock.Today());
}

}  // namespace kutse::certificate::app
