// The holder's data-access log: each time a clerk or an admin was shown a holder's personal code,
// why (issuing, invalidation, annulment, viewing, a request of theirs read) and for which
// certificate. The holder reads it.
// No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::certificate {

enum class AccessPurpose { kIssuing, kInvalidation, kAnnulment, kViewing, kRequest };
const char* ToString(AccessPurpose purpose);

struct AccessEntry {
  long long id = 0;
  std::string accessed_at;  // UTC ISO 8601
  std::string accessed_by;
  std::string role;  // clerk | admin
  std::optional<std::string> awarding_body_id;
  std::string purpose;
  std::string certificate_number;
  std::optional<std::string> request_id{};  // purpose request: which request was read
};

// A handler of the workflow service read a holder's request (workflow.personal_data_read.v1).
struct RequestRead {
  std::string request_id;
  std::string certificate_number;
  std::string holder_personal_code;  // whose log
  std::string read_by;               // EE and the reader's personal code
  std::string role;                  // clerk | admin
  std::optional<std::string> awarding_body_id;
  std::string read_at;  // UTC, ISO 8601
};

}  // namespace kutse::certificate
