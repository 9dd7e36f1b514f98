// The wire format of the "My notifications" requests: the query of the list and the body of
// "mark all read". No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "kutse/common/status.hpp"
#include "kutse/http/request.hpp"

namespace kutse::notification::dto {

// `unread`: true (unread notices only) or false (all, the default); 400 naming /unread otherwise.
common::StatusOr<bool> UnreadOnly(const http::Request& request);
// {"up_to": "<notice id>"}: 422 naming /up_to unless it is a uuid.
common::StatusOr<std::string> ParseReadAll(const nlohmann::json& body);

}  // namespace kutse::notification::dto
