#include "handlers/openapi_document.hpp"

namespace kutse::gateway {

http::Response ServeOpenApi(const std::string& document) {
  return http::Response::Text(200, "application/yaml", document)
      .WithHeader("Cache-Control", "public, max-age=300");
}

}  // namespace kutse::gateway
