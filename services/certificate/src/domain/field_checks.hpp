// Small checks shared by the request parsers of the certificate service. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "kutse/http/problem.hpp"

namespace kutse::certificate {

// One field error for every member of the body that is not in `known`.
std::vector<http::FieldError> UnknownFields(const nlohmann::json& body, const std::set<std::string>& known);

}  // namespace kutse::certificate
