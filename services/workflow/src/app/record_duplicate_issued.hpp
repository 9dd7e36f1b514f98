// Use case: the certificate service issued a duplicate (certificate.issued.v1 with duplicate_of).
// The approved duplicate request of the original certificate, if there is one, completes with the
// duplicate's number (the system's duplicate_issued, history and request.status_changed.v1 in the
// consumer's transaction). A duplicate no request of ours waits for (issued in the register by
// other means, or a repeat after the request completed) changes nothing.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::workflow::app {

struct IssuedDuplicate {
  std::string certificate_number;  // the duplicate's
  std::string duplicate_of;        // the original's
};

common::Status RecordDuplicateIssued(pqxx::work& work, const common::Clock& clock,
                                     const IssuedDuplicate& issued, const std::string& correlation_id);

}  // namespace kutse::workflow::app
