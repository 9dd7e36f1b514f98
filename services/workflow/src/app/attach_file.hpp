// Use case: a holder attaches a file to their duplicate request for inaccurate data (issue 10).
// The upload route has already checked the bytes (type by content, size); here the request is
// locked, the rules decide (ApplyAction with Attach: only the holder, only while undecided, only
// inaccurate data, at most 5 files, counted under the lock so two parallel uploads cannot make 6),
// and the file, its history row and the request's new version are written in one transaction.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "domain/request.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::workflow::app {

struct NewAttachment {
  std::string request_id;
  Attachment file;  // name, sniffed type, size, SHA-256; the id is given here
  std::string bytes;
  std::optional<std::string> if_match;
  std::string correlation_id;
};

// Not found for someone else's request; failed precondition for a decided request, another kind
// or reason, or a full one; invalid argument for a file the rules refuse.
common::StatusOr<StoredAttachment> AttachFile(pqxx::work& work, const common::Clock& clock,
                                              const Actor& holder, NewAttachment attachment);

}  // namespace kutse::workflow::app
