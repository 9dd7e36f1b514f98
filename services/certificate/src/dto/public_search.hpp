// The public register's search on the wire: its query parameters read into a PublicQuery (400
// naming the parameter), and a page of results with the opaque cursor of the next page.
#pragma once

#include <nlohmann/json.hpp>

#include "app/public_register.hpp"
#include "domain/public_query.hpp"
#include "kutse/common/status.hpp"
#include "kutse/http/request.hpp"

namespace kutse::certificate::dto {

common::StatusOr<PublicQuery> ParsePublicQuery(const http::Request& request);
nlohmann::json PublicPageJson(const app::PublicPage& page);

}  // namespace kutse::certificate::dto
