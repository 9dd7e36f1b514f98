#include "app/certificate_event_names.hpp"

#include <map>

#include "db/awarding_body_repository.hpp"
#include "db/standard_repository.hpp"

namespace kutse::certificate::app {

std::vector<CertificateEventNames> EventNamesOf(pqxx::transaction_base& tx,
                                                const std::vector<Certificate>& certificates) {
  std::vector<std::string> codes;
  for (const auto& certificate : certificates) {
    if (certificate.standard_code) {
      codes.push_back(*certificate.standard_code);
    }
  }
  auto standards =
      codes.empty() ? std::map<std::string, OccupationalStandard>{} : StandardRepository(tx).ByCodes(codes);
  AwardingBodyRepository bodies(tx);
  std::map<std::string, std::optional<std::string>> body_names;
  std::vector<CertificateEventNames> names;
  names.reserve(certificates.size());
  for (const auto& certificate : certificates) {
    CertificateEventNames item;
    if (certificate.standard_code) {
      if (auto it = standards.find(*certificate.standard_code); it != standards.end()) {
        item.standard_name_en = it->second.name_en;
      }
    }
    auto body = body_names.find(certificate.awarding_body_id);
    if (body == body_names.end()) {
      auto found = bodies.Find(certificate.awarding_body_id);
      body =
          body_names.emplace(certificate.awarding_body_id, found ? std::optional(found->name) : std::nullopt)
              .first;
    }
    item.awarding_body_name = body->second;
    names.push_back(std::move(item));
  }
  return names;
}

}  // namespace kutse::certificate::app
