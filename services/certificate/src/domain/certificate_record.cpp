#include "domain/certificate_record.hpp"

#include "kutse/common/json_or_null.hpp"

namespace kutse::certificate {
namespace {

// What everyone may see of a certificate.
nlohmann::json Common(const CertificateRecord& record) {
  return {{"number", record.number},
          {"certificate_type", record.certificate_type},
          {"holder_name", record.holder_name},
          {"standard_code", common::JsonOrNull(record.standard_code)},
          {"standard_name", record.standard_name},
          {"level", record.level},
          {"eqf_level", common::JsonOrNull(record.eqf_level)},
          {"specialisation", common::JsonOrNull(record.specialisation)},
          {"partial_qualification", common::JsonOrNull(record.partial_qualification)},
          {"competences", record.competences},
          {"awarding_body_id", record.awarding_body_id},
          {"issue_date", record.issue_date},
          {"valid_from", record.valid_from},
          {"valid_until", common::JsonOrNull(record.valid_until)},
          {"language", record.language},
          {"status", ToString(record.status)},
          {"duplicate_of", common::JsonOrNull(record.duplicate_of)},
          {"replaced_by", common::JsonOrNull(record.replaced_by)}};
}

// What the holder and the body's staff see besides.
nlohmann::json Detailed(const CertificateRecord& record) {
  nlohmann::json view = Common(record);
  view["decision_date"] = common::JsonOrNull(record.decision_date);
  view["decision_number"] = common::JsonOrNull(record.decision_number);
  view["issued_at"] = record.issued_at;
  view["published"] = record.published;
  view["status_reason"] = common::JsonOrNull(record.status_reason);
  view["origin"] = record.origin;
  view["historic_level"] = common::JsonOrNull(record.historic_level);
  view["duplicate_reason"] = common::JsonOrNull(record.duplicate_reason);
  view["corrected_fields"] = common::JsonOrNull(record.corrected_fields);
  return view;
}

}  // namespace

nlohmann::json StaffView(const CertificateRecord& record) {
  nlohmann::json view = Detailed(record);
  view["holder_personal_code"] = record.holder_personal_code;
  return view;
}

nlohmann::json HolderView(const CertificateRecord& record) {
  nlohmann::json view = Detailed(record);
  // A replaced original is kept for the record only: its duplicate is what the holder uses and
  // publishes now.
  bool in_use = !record.replaced_by;
  nlohmann::json actions = nlohmann::json::array();
  if (in_use || record.published) {
    actions.push_back(record.published ? "hide" : "publish");
  }
  if (in_use && MayBeStamped(record.status)) {
    actions.push_back("stamp");
  }
  if (in_use &&
      (record.status == CertificateStatus::kValid || record.status == CertificateStatus::kExpired)) {
    actions.push_back("reprint");
    actions.push_back("duplicate");
  }
  actions.push_back("question");
  view["actions"] = actions;
  return view;
}

nlohmann::json PublicView(const CertificateRecord& record) {
  return Common(record);
}

}  // namespace kutse::certificate
