// RFC 9457 problem details: the one place where a common::Status becomes an HTTP answer. The table
// in problem.cpp gives each problem code (a Status's reason, or its canonical code's default) its
// HTTP status; titles and details are rendered in the caller's language from the message files.
#pragma once

#include <string>

#include "kutse/common/status.hpp"
#include "kutse/http/response.hpp"

namespace kutse::http {

// The `code` member of the answer: the Status's reason when the table knows it, else its code's.
std::string ProblemCodeOf(const common::Status& status);
int HttpStatusOf(const common::Status& status);

// application/problem+json with type, title, status, detail, instance, code, trace_id and errors[],
// Content-Language, and Retry-After for what is worth retrying later. `instance` is the request's
// path as received; it is percent-encoded where it holds bytes a URI may not.
Response ProblemResponse(const common::Status& status, const std::string& instance,
                         const std::string& trace_id, const std::string& language);

// Loads libs/http's own message texts (problem titles, transport refusals); idempotent.
void LoadMessages();

}  // namespace kutse::http
