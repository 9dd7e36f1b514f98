// GET /openapi.yaml: the public contract, read once at start.
#pragma once

#include <string>

#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::gateway {

http::Response ServeOpenApi(const std::string& document);

}  // namespace kutse::gateway
