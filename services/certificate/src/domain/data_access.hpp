// The holder's data-access log: each time a clerk or an admin was shown a holder's personal code,
// why (issuing, invalidation, annulment, viewing) and for which certificate. The holder reads it.
// No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::certificate {

enum class AccessPurpose { kIssuing, kInvalidation, kAnnulment, kViewing };
const char* ToString(AccessPurpose purpose);

struct AccessEntry {
  long long id = 0;
  std::string accessed_at;  // UTC ISO 8601
  std::string accessed_by;
  std::string role;  // clerk | admin
  std::optional<std::string> awarding_body_id;
  std::string purpose;
  std::string certificate_number;
};

}  // namespace kutse::certificate
