#include "dto/notice_requests.hpp"

#include "kutse/common/ids.hpp"
#include "kutse/http/json_fields.hpp"
#include "kutse/http/query.hpp"

namespace kutse::notification::dto {

common::StatusOr<bool> UnreadOnly(const http::Request& request) {
  auto unread = request.QueryParam("unread");
  if (!unread || *unread == "false") {
    return false;
  }
  if (*unread == "true") {
    return true;
  }
  return http::BadQuery("/unread", common::Msg("field.boolean"));
}

common::StatusOr<std::string> ParseReadAll(const nlohmann::json& body) {
  http::FieldErrors errors = http::UnknownFields(body, {"up_to"});
  auto up_to = http::RequiredText(body, "up_to", 36, errors);
  if (up_to && !common::IsUuid(*up_to)) {
    errors.push_back({"/up_to", common::Msg("notice.up_to_not_an_id")});
  }
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors));
  }
  return *up_to;
}

}  // namespace kutse::notification::dto
