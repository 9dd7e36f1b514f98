#include "events/certificate_status_changed_handler.hpp"

#include "db/notice_repository.hpp"
#include "domain/notice_text.hpp"
#include "events/event_fields.hpp"

namespace kutse::notification {

common::Status OnCertificateStatusChanged(pqxx::work& work, const bus::CloudEvent& event) {
  auto personal_code = HolderOf(event);
  auto to = RequiredText(event, "to");
  auto number = RequiredText(event, "certificate_number");
  for (const auto* field : {&personal_code, &to, &number}) {
    if (!field->ok()) {
      return field->status();
    }
  }
  auto kind = NoticeKindForStatus(*to);
  if (!kind) {
    return common::OkStatus();  // a status change the holder is not told about
  }
  nlohmann::json parameters = {{"certificate_number", *number}};
  if (event.data.contains("reason") && event.data["reason"].is_string()) {
    parameters["reason"] = event.data["reason"];
  }
  NoticeRepository(work).Add(NewNotice{*personal_code, *kind, parameters, *number, event.id});
  return common::OkStatus();
}

}  // namespace kutse::notification
