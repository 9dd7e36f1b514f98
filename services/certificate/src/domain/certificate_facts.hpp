// What another service is told about one certificate as it is now (ADR 0008): whose it is, its
// status and whether a duplicate replaced it, whether the issuing body is still active and still
// holds the right to the standard today, and the display data a request keeps or a stamped copy prints. The
// workflow decides its request rules from these; the register's own rules decide the facts. No I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/awarding_body.hpp"
#include "domain/certificate.hpp"
#include "domain/occupational_standard.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::certificate {

struct CertificateFacts {
  std::string number;
  std::string holder_personal_code;
  std::string holder_name;  // as printed
  CertificateStatus status = CertificateStatus::kValid;
  std::optional<std::string> replaced_by;
  std::string awarding_body_id;
  bool body_active = false;
  bool body_holds_right_today = false;
  std::optional<std::string> standard_code;  // an entry of the old register may name none
  std::string qualification_name_et;
  std::optional<std::string> qualification_name_en;
  int level = 0;  // EstQF
  // What a stamped copy prints (the stamping service, issue 12), as on the certificate.
  CertificateType type = CertificateType::kCertificate;
  std::optional<int> eqf_level;
  std::optional<std::string> specialisation;
  std::optional<std::string> partial_qualification;
  std::vector<std::string> competences;
  std::optional<std::string> awarding_body_name;  // nullopt: a body the register does not know
  std::optional<common::Date> decision_date;
  std::optional<std::string> decision_number;
  common::Date issue_date;
  common::Date valid_from;
  std::optional<common::Date> valid_until;  // nullopt: open-ended
  std::optional<std::string> duplicate_of;  // the original's number, on a duplicate
};

// `standard` and `body` are null when the register does not know them (an entry of the old register
// may name a body or standard it never had); such a body is neither active nor holds a right.
// `today` is the register's date in Estonia: a right is held today as issuing would check it.
CertificateFacts FactsOf(const Certificate& certificate, const OccupationalStandard* standard,
                         const AwardingBody* body, const common::Date& today);

}  // namespace kutse::certificate
