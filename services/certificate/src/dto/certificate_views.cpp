#include "dto/certificate_views.hpp"

#include "domain/holder_view_rules.hpp"
#include "dto/corrected_fields_json.hpp"
#include "kutse/common/json_or_null.hpp"

namespace kutse::certificate::dto {
namespace {

nlohmann::json DateOrNull(const std::optional<common::Date>& date) {
  return date ? nlohmann::json(date->ToString()) : nlohmann::json(nullptr);
}

// What everyone may see of a certificate.
nlohmann::json Common(const Certificate& certificate) {
  return {{"number", certificate.number},
          {"certificate_type", ToString(certificate.type)},
          {"holder_name", certificate.holder_name},
          {"standard_code", common::JsonOrNull(certificate.standard_code)},
          {"standard_name", certificate.standard_name},
          {"level", certificate.level},
          {"eqf_level", common::JsonOrNull(certificate.eqf_level)},
          {"specialisation", common::JsonOrNull(certificate.specialisation)},
          {"partial_qualification", common::JsonOrNull(certificate.partial_qualification)},
          {"competences", certificate.competences},
          {"awarding_body_id", certificate.awarding_body_id},
          {"issue_date", certificate.issue_date.ToString()},
          {"valid_from", certificate.valid_from.ToString()},
          {"valid_until", DateOrNull(certificate.valid_until)},
          {"language", certificate.language},
          {"status", ToString(certificate.status)},
          {"duplicate_of", common::JsonOrNull(certificate.duplicate_of)},
          {"replaced_by", common::JsonOrNull(certificate.replaced_by)}};
}

// What the holder and the body's staff see besides.
nlohmann::json Detailed(const Certificate& certificate) {
  nlohmann::json view = Common(certificate);
  view["decision_date"] = DateOrNull(certificate.decision_date);
  view["decision_number"] = common::JsonOrNull(certificate.decision_number);
  view["issued_at"] = certificate.issued_at;
  view["published"] = certificate.published;
  view["status_reason"] = common::JsonOrNull(certificate.status_reason);
  view["origin"] = ToString(certificate.origin);
  view["historic_level"] = common::JsonOrNull(certificate.historic_level);
  view["duplicate_reason"] = certificate.duplicate_reason
                                 ? nlohmann::json(ToString(*certificate.duplicate_reason))
                                 : nlohmann::json();
  view["corrected_fields"] =
      certificate.corrected_fields ? CorrectedFieldsJson(*certificate.corrected_fields) : nlohmann::json();
  return view;
}

nlohmann::json HistoryCommon(const HistoryEntry& entry) {
  return {{"at", entry.at},
          {"change", ToString(entry.change)},
          {"reason", common::JsonOrNull(entry.reason)},
          {"old_value", entry.old_value},
          {"new_value", entry.new_value}};
}

}  // namespace

nlohmann::json StaffView(const Certificate& certificate) {
  nlohmann::json view = Detailed(certificate);
  view["holder_personal_code"] = certificate.holder_personal_code;
  return view;
}

nlohmann::json HolderView(const Certificate& certificate) {
  nlohmann::json view = Detailed(certificate);
  nlohmann::json actions = nlohmann::json::array();
  for (HolderAction action : ActionsOf(certificate)) {
    actions.push_back(ToString(action));
  }
  view["actions"] = actions;
  return view;
}

nlohmann::json PublicView(const Certificate& certificate) {
  return Common(certificate);
}

nlohmann::json StaffHistoryView(const std::vector<HistoryEntry>& history) {
  nlohmann::json view = nlohmann::json::array();
  for (const auto& entry : history) {
    nlohmann::json item = HistoryCommon(entry);
    item["changed_by"] = entry.changed_by;
    view.push_back(std::move(item));
  }
  return view;
}

nlohmann::json HolderHistoryView(const std::vector<HistoryEntry>& history,
                                 const std::string& holder_subject) {
  nlohmann::json view = nlohmann::json::array();
  for (const auto& entry : history) {
    nlohmann::json item = HistoryCommon(entry);
    item["by"] = ToString(AuthorFor(entry, holder_subject));
    view.push_back(std::move(item));
  }
  return view;
}

nlohmann::json PrintView(const PrintEntry& print) {
  return {{"id", print.id},
          {"printed_at", print.printed_at},
          {"printed_by", print.printed_by},
          {"reason", ToString(print.reason)},
          {"delivery", ToString(print.delivery)},
          {"note", common::JsonOrNull(print.note)}};
}

nlohmann::json StaffPrintsView(const std::vector<PrintEntry>& prints) {
  nlohmann::json view = nlohmann::json::array();
  for (const auto& print : prints) {
    view.push_back(PrintView(print));
  }
  return view;
}

nlohmann::json HolderPrintsView(const std::vector<PrintEntry>& prints) {
  nlohmann::json view = StaffPrintsView(prints);
  for (auto& print : view) {
    print.erase("printed_by");  // staff are not named to the holder
  }
  return view;
}

}  // namespace kutse::certificate::dto
