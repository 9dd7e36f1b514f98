// Use cases: a handler (a clerk of the routed body, or the register keeper's admin) reads one
// request of the inbox, or downloads a file attached to it. Either is a read of the holder's data
// (issue 10): in the same transaction workflow.personal_data_read.v1 goes to the outbox, and the
// certificate service enters it in the holder's data-access log. A refused read (another inbox,
// no such request or file) writes nothing.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "app/read_requests.hpp"

namespace kutse::workflow::app {

common::StatusOr<RequestDetail> ReadRequestAsHandler(pqxx::work& work, const common::Clock& clock,
                                                     const Actor& handler, const std::string& id,
                                                     const std::string& correlation_id);
common::StatusOr<AttachmentDownload> ReadAttachmentAsHandler(pqxx::work& work, const common::Clock& clock,
                                                             const Actor& handler, const std::string& id,
                                                             const std::string& attachment_id,
                                                             const std::string& correlation_id);

}  // namespace kutse::workflow::app
