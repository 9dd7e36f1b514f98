// A certificate as the register holds it (proto-docs/domain.md, "Certificates"): the one type that rules,
// use cases, the store and the events work on. Shown to people through dto/certificate_views.hpp.
// No I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/certificate_origin.hpp"
#include "domain/certificate_status.hpp"
#include "domain/certificate_type.hpp"
#include "domain/duplicate_reason.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::certificate {

// The longest certificate number (the old register's included); a longer one names no certificate.
inline constexpr size_t kMaxCertificateNumberLength = 32;

// What a duplicate corrects of its original (a new name, or inaccurate data).
struct CorrectedFields {
  std::optional<std::string> holder_name;
  std::optional<std::string> specialisation;
  std::optional<std::string> partial_qualification;
  std::optional<std::vector<std::string>> competences;
  std::optional<std::string> language;

  bool empty() const {
    return !holder_name && !specialisation && !partial_qualification && !competences && !language;
  }
  bool operator==(const CorrectedFields& other) const {
    return holder_name == other.holder_name && specialisation == other.specialisation &&
           partial_qualification == other.partial_qualification && competences == other.competences &&
           language == other.language;
  }
};

struct Certificate {
  std::string number;  // empty until the register numbers it from its type's series
  CertificateType type = CertificateType::kCertificate;
  std::string holder_personal_code;
  std::string holder_name;  // as printed
  std::optional<std::string> standard_code;
  std::string standard_name;
  int level = 0;  // EstQF
  std::optional<int> eqf_level;
  std::optional<std::string> specialisation;
  std::optional<std::string> partial_qualification;
  std::vector<std::string> competences;
  std::string awarding_body_id;
  std::optional<common::Date> decision_date;
  std::optional<std::string> decision_number;
  common::Date issue_date;
  common::Date valid_from;
  std::optional<common::Date> valid_until;  // nullopt: open-ended
  std::string language = "et";
  CertificateStatus status = CertificateStatus::kValid;
  std::optional<std::string> status_reason;
  bool published = false;
  CertificateOrigin origin = CertificateOrigin::kIssued;
  std::optional<std::string> historic_level;  // I..V of the old scale, for imported entries
  std::optional<std::string> duplicate_of;
  std::optional<DuplicateReason> duplicate_reason;
  std::optional<CorrectedFields> corrected_fields;
  std::optional<std::string> duplicate_request_id;  // the workflow request that made this duplicate
  std::optional<std::string> replaced_by;
  std::string issued_at;  // when the register recorded it, UTC ISO 8601 as the store formats it

  // A replaced original is kept for the record only: its duplicate is the document in use.
  bool InUse() const { return !replaced_by; }
};

}  // namespace kutse::certificate
