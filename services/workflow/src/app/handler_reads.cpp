#include "app/handler_reads.hpp"

#include "events/request_events.hpp"
#include "kutse/bus/outbox.hpp"

namespace kutse::workflow::app {

common::StatusOr<RequestDetail> ReadRequestAsHandler(pqxx::work& work, const common::Clock& clock,
                                                     const Actor& handler, const std::string& id,
                                                     const std::string& correlation_id) {
  auto detail = HandlersRequest(work, handler, id);
  if (detail.ok()) {
    bus::EnqueueEvent(
        work, "workflow",
        PersonalDataReadEvent(detail->request, handler, "request", clock.Now(), correlation_id));
  }
  return detail;
}

common::StatusOr<AttachmentDownload> ReadAttachmentAsHandler(pqxx::work& work, const common::Clock& clock,
                                                             const Actor& handler, const std::string& id,
                                                             const std::string& attachment_id,
                                                             const std::string& correlation_id) {
  auto download = AttachmentOf(work, handler, id, attachment_id);
  if (download.ok()) {
    bus::EnqueueEvent(
        work, "workflow",
        PersonalDataReadEvent(download->request, handler, "attachment", clock.Now(), correlation_id));
  }
  return download;
}

}  // namespace kutse::workflow::app
