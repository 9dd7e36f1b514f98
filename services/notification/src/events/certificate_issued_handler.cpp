#include "events/certificate_issued_handler.hpp"

#include "db/notice_repository.hpp"
#include "domain/notice_text.hpp"
#include "events/event_fields.hpp"

namespace kutse::notification {

void OnCertificateIssued(pqxx::work& work, const bus::CloudEvent& event) {
  std::string number = RequiredText(event, "certificate_number");
  InsertNotice(work, NewNotice{HolderOf(event),
                               kCertificateIssued,
                               {{"certificate_number", number},
                                {"standard_name", RequiredText(event, "standard_name")}},
                               number,
                               event.id});
}

}  // namespace kutse::notification
