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
  Response& WithHeader(std::string name, std::string value);
};

}  // namespace kutse::http
