// A certificate's open requests as "My certificates" shows them: id, kind, state and when it was
// made (null while only later news of it has come).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/open_request.hpp"

namespace kutse::certificate::dto {

// Those of `requests` on the certificate `number`, in their order.
nlohmann::json OpenRequestsView(const std::vector<OpenRequest>& requests, const std::string& number);

}  // namespace kutse::certificate::dto
