// Requests as the holder's answers show them (openapi.yaml Request, RequestDetail, RequestPage).
// Nobody's personal code is shown: the history says which kind of actor acted (and a clerk's
// body), not who.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "domain/request.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::workflow::dto {

nlohmann::json RequestView(const Request& request, const common::Date& today);
nlohmann::json RequestDetailView(const RequestDetail& detail, const common::Date& today);
// `requests` holds up to limit + 1 rows: the extra one only tells that there is a next page.
nlohmann::json RequestPage(std::vector<Request> requests, int limit, const common::Date& today);
// A page of an inbox, the same way; its cursor is the inbox key of the page's last request.
nlohmann::json InboxPage(std::vector<Request> requests, int limit, const common::Date& today);

}  // namespace kutse::workflow::dto
