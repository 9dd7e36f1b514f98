#include "events/certificate_issued_handler.hpp"

#include "db/notice_repository.hpp"
#include "domain/notice_text.hpp"
#include "events/event_fields.hpp"

namespace kutse::notification {

void OnCertificateIssued(pqxx::work& work, const bus::CloudEvent& event) {
  std::string number = RequiredText(event, "certificate_number");
  nlohmann::json parameters = {{"certificate_number", number},
                               {"standard_name", RequiredText(event, "standard_name")}};
  // A duplicate arrives as an issued certificate that names its original.
  const auto& original = event.data.contains("duplicate_of") ? event.data["duplicate_of"] : nlohmann::json();
  if (original.is_string()) {
    parameters["duplicate_of"] = original;
  }
  InsertNotice(work, NewNotice{HolderOf(event), original.is_string() ? kDuplicateIssued : kCertificateIssued,
                               std::move(parameters), number, event.id});
}

}  // namespace kutse::notification
