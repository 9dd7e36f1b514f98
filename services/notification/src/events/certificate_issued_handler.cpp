#include "events/certificate_issued_handler.hpp"

#include "db/notice_repository.hpp"
#include "domain/notice_text.hpp"
#include "events/event_fields.hpp"

namespace kutse::notification {

common::Status OnCertificateIssued(pqxx::work& work, const bus::CloudEvent& event) {
  auto number = RequiredText(event, "certificate_number");
  auto standard_name = RequiredText(event, "standard_name");
  auto holder = HolderOf(event);
  for (const auto* field : {&number, &standard_name, &holder}) {
    if (!field->ok()) {
      return field->status();
    }
  }
  nlohmann::json parameters = {{"certificate_number", *number}, {"standard_name", *standard_name}};
  // A duplicate arrives as an issued certificate that names its original.
  const auto& original = event.data.contains("duplicate_of") ? event.data["duplicate_of"] : nlohmann::json();
  if (original.is_string()) {
    parameters["duplicate_of"] = original;
  }
  NoticeRepository(work).Add(NewNotice{*holder, original.is_string() ? kDuplicateIssued : kCertificateIssued,
                                       std::move(parameters), *number, event.id});
  return common::OkStatus();
}

}  // namespace kutse::notification
