// An HTTP response as our handlers build it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace kutse::http {

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response Json(int status, const nlohmann::json& body);
  static Response Text(int status, std::string content_type, std::string body);
  static Response NoContent();  // 204, no body and no Content-Type
  // 200 with `bytes` as they are (NUL bytes too) for download as `filename` (made safe, see
  // content_disposition.hpp), and X-Content-Type-Options: nosniff so that a browser keeps to
  // `content_type`. Content-Length comes from the body, as for every answer.
  static Response Binary(std::string content_type, std::string bytes, const std::string& filename);
  Response& WithHeader(std::string name, std::string value);
};

}  // namespace kutse::http
