#include "events/certificate_status_changed_handler.hpp"

#include "db/notice_repository.hpp"
#include "domain/notice_text.hpp"
#include "events/event_fields.hpp"

namespace kutse::notification {

void OnCertificateStatusChanged(pqxx::work& work, const bus::CloudEvent& event) {
  std::string personal_code = HolderOf(event);
  auto kind = NoticeKindForStatus(RequiredText(event, "to"));
  if (!kind) {
    return;  // a status change the holder is not told about
  }
  std::string number = RequiredText(event, "certificate_number");
  nlohmann::json parameters = {{"certificate_number", number}};
  if (event.data.contains("reason") && event.data["reason"].is_string()) {
    parameters["reason"] = event.data["reason"];
  }
  InsertNotice(work, NewNotice{personal_code, *kind, parameters, number, event.id});
}

}  // namespace kutse::notification
