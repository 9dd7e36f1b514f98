#include "handlers/register_status.hpp"

namespace kutse::certificate {

http::Response RegisterStatus(http::Request&) {
  return http::Response::Json(200, {{"status", "ok"}, {"api_version", "v1"}})
      .WithHeader("Cache-Control", "no-store");
}

}  // namespace kutse::certificate
