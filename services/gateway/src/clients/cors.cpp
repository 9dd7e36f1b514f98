#include "clients/cors.hpp"

#include "kutse/common/status.hpp"

namespace kutse::gateway {

bool IsCorsPath(const std::string& path) {
  return path.rfind("/api/v1/public/", 0) == 0;
}

void AddCorsHeaders(const http::Request& request, bool origin_registered, http::Response& response) {
  auto origin = request.Header("origin");
  if (!origin || !IsCorsPath(request.path)) {
    return;
  }
  response.headers.emplace_back("Vary", "Origin");
  if (origin_registered) {
    response.headers.emplace_back("Access-Control-Allow-Origin", *origin);
  }
}

http::Response PreflightAnswer(const http::Request& request, bool origin_registered) {
  if (!request.Header("origin") || !origin_registered) {
    throw common::StatusError(common::PermissionDenied(common::Msg("clients.origin_not_registered")));
  }
  http::Response response = http::Response::NoContent();
  AddCorsHeaders(request, true, response);
  response.headers.emplace_back("Access-Control-Allow-Methods", "GET");
  response.headers.emplace_back("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type");
  response.headers.emplace_back("Access-Control-Max-Age", "600");
  return response;
}

}  // namespace kutse::gateway
