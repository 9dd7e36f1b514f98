#include "domain/certificate_record.hpp"

namespace kutse::certificate {
namespace {

nlohmann::json Common(const CertificateRecord& record) {
  return {{"number", record.number},
          {"holder_name", record.holder_name},
          {"standard_name", record.standard_name},
          {"level", record.level},
          {"awarding_body_id", record.awarding_body_id},
          {"valid_from", record.valid_from},
          {"valid_until", record.valid_until ? nlohmann::json(*record.valid_until) : nlohmann::json(nullptr)},
          {"status", ToString(record.status)}};
}

}  // namespace

nlohmann::json StaffView(const CertificateRecord& record) {
  nlohmann::json view = Common(record);
  view["holder_personal_code"] = record.holder_personal_code;
  view["issued_at"] = record.issued_at;
  view["published"] = record.published;
  view["status_reason"] =
      record.status_reason ? nlohmann::json(*record.status_reason) : nlohmann::json(nullptr);
  return view;
}

nlohmann::json HolderView(const CertificateRecord& record) {
  nlohmann::json view = Common(record);
  view["issued_at"] = record.issued_at;
  view["published"] = record.published;
  nlohmann::json actions = nlohmann::json::array({record.published ? "hide" : "publish"});
  if (MayBeStamped(record.status)) {
    actions.push_back("stamp");
  }
  for (const char* always : {"reprint", "duplicate", "question"}) {
    actions.push_back(always);
  }
  view["actions"] = actions;
  return view;
}

nlohmann::json PublicView(const CertificateRecord& record) {
  return Common(record);
}

}  // namespace kutse::certificate
