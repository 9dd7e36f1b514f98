#include "events/notice_mappings.hpp"

#include "app/enqueue_notice_mail.hpp"
#include "db/notice_repository.hpp"
#include "domain/notice_text.hpp"
#include "events/event_fields.hpp"
#include "kutse/common/ids.hpp"

namespace kutse::notification {
namespace {

// The members of an event a template may show (domain/notice_text.hpp's NoticeValues);
// an absent one stays absent, a null one is kept as null (valid_until: open-ended).
constexpr const char* kKeptMembers[] = {
    "certificate_number", "standard_name", "standard_name_en", "awarding_body_id", "awarding_body_name",
    "valid_from",         "valid_until",   "duplicate_of",     "reason",           "answer_deadline"};

std::optional<std::string> IssuedKind(const nlohmann::json& data) {
  // A duplicate arrives as an issued certificate that names its original.
  bool duplicate = data.contains("duplicate_of") && data["duplicate_of"].is_string();
  return std::string(duplicate ? kDuplicateIssued : kCertificateIssued);
}

std::optional<std::string> StatusKind(const nlohmann::json& data) {
  return NoticeKindForStatus(data["to"].get<std::string>());
}

std::optional<std::string> ExpiringKind(const nlohmann::json&) {
  return std::string(kCertificateExpiring);  // the 6-month reminder, once per certificate (ADR 0010)
}

std::optional<std::string> RequestSubmittedKind(const nlohmann::json&) {
  return std::string(kRequestSubmitted);  // the receipt
}

std::optional<std::string> RequestStatusKind(const nlohmann::json& data) {
  return NoticeKindForRequestState(data["to"].get<std::string>(), data["action"].get<std::string>());
}

// Only an answer from the body (a clerk or the register keeper): never the holder's own message.
std::optional<std::string> RequestMessageKind(const nlohmann::json& data) {
  if (data["author"].get<std::string>() == "holder") {
    return std::nullopt;
  }
  return std::string(kRequestAnswered);
}

}  // namespace

const std::vector<NoticeMapping>& NoticeMappings() {
  static const std::vector<NoticeMapping> mappings = {
      {kCertificateIssuedV1, {"certificate_number", "standard_name"}, IssuedKind},
      {kCertificateStatusChangedV1, {"certificate_number", "to"}, StatusKind},
      {kCertificateExpiryApproachingV1, {"certificate_number", "valid_until"}, ExpiringKind},
      {kRequestSubmittedV1, {"request_id", "kind", "certificate_number"}, RequestSubmittedKind, true},
      {kRequestStatusChangedV1,
       {"request_id", "kind", "certificate_number", "to", "action"},
       RequestStatusKind,
       true},
      {kRequestMessageAddedV1,
       {"request_id", "kind", "certificate_number", "author"},
       RequestMessageKind,
       true},
  };
  return mappings;
}

common::Status AddNoticeFor(const NoticeMapping& mapping, pqxx::work& work, const bus::CloudEvent& event,
                            const NotificationSettings& settings, const common::Clock& clock) {
  auto holder = HolderOf(event);
  if (!holder.ok()) {
    return holder.status();
  }
  for (const auto& member : mapping.required) {
    if (auto present = RequiredText(event, member.c_str()); !present.ok()) {
      return present.status();
    }
  }
  std::optional<std::string> request_id;
  if (mapping.about_request) {
    request_id = event.data["request_id"].get<std::string>();
    if (!common::IsUuid(*request_id)) {
      return common::InvalidArgument(common::Msg("event.request_id_invalid"));
    }
  }
  auto kind = mapping.kind_of(event.data);
  if (!kind) {
    return common::OkStatus();  // an event the holder is not told about
  }
  nlohmann::json parameters = nlohmann::json::object();
  for (const char* member : kKeptMembers) {
    if (event.data.contains(member) && (event.data[member].is_string() || event.data[member].is_null())) {
      parameters[member] = event.data[member];
    }
  }
  if (mapping.about_request) {
    parameters["request_kind"] = event.data["kind"];  // not "kind": that is the notice's own
  }
  auto number = RequiredText(event, "certificate_number");
  auto id = NoticeRepository(work).Add(NewNotice{*holder, *kind, parameters,
                                                 number.ok() ? std::optional(*number) : std::nullopt,
                                                 std::move(request_id), event.id});
  if (id) {
    app::EnqueueNoticeMail(work, settings, clock, app::NoticeForMail{*id, *holder, *kind, parameters});
  }
  return common::OkStatus();
}

}  // namespace kutse::notification
