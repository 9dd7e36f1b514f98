// GET /api/v1/public/status: a cheap, anonymous "the register's API is up" for awarding bodies'
// home pages and monitors. No database work, on purpose.
#pragma once

#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response RegisterStatus(http::Request& request);

}  // namespace kutse::certificate
