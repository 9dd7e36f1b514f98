#include "kutse/http/response.hpp"

#include "kutse/http/content_disposition.hpp"

namespace kutse::http {

Response Response::Json(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Response Response::Text(int status, std::string content_type, std::string body) {
  Response response;
  response.status = status;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  return response;
}

Response Response::NoContent() {
  return Text(204, "", "");
}

Response Response::Binary(std::string content_type, std::string bytes, const std::string& filename) {
  if (content_type.find_first_of("\r\n") != std::string::npos) {
    content_type = "application/octet-stream";  // a type that would end the header is no type
  }
  Response response = Text(200, std::move(content_type), std::move(bytes));
  response.headers.emplace_back("Content-Disposition", AttachmentDisposition(filename));
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return response;
}

Response& Response::WithHeader(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

}  // namespace kutse::http
