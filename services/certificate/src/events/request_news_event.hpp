// request.submitted.v1 and request.status_changed.v1 (proto-docs/events/) read into the domain's
// RequestNews, for the copy of open requests that "My certificates" shows. Only what the copy needs
// is read: never the holder's personal code. Whatever does not fit is an invalid argument, refused
// at once (sending it again cannot make it fit).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/open_request.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

inline constexpr const char* kRequestSubmittedV1 = "request.submitted.v1";
inline constexpr const char* kRequestStatusChangedV1 = "request.status_changed.v1";

common::StatusOr<RequestNews> ParseRequestSubmitted(const nlohmann::json& data);
common::StatusOr<RequestNews> ParseRequestStatusChanged(const nlohmann::json& data);

}  // namespace kutse::certificate
