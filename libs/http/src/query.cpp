#include "kutse/http/query.hpp"

namespace kutse::http {

HttpError BadQuery(const std::string& pointer, const std::string& detail) {
  return HttpError(Problem{400, "bad_request", "A query parameter is not valid.", {{pointer, detail}}});
}

std::optional<long long> ParsePositive(const std::string& text, long long max) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  long long value = std::stoll(text);
  if (value < 1 || value > max) {
    return std::nullopt;
  }
  return value;
}

int PageSize(const Request& request, int fallback) {
  auto text = request.QueryParam("limit");
  if (!text) {
    return fallback;
  }
  auto value = ParsePositive(*text, kMaxPageSize);
  if (!value) {
    throw BadQuery("/limit", "must be 1 to 100");
  }
  return static_cast<int>(*value);
}

}  // namespace kutse::http
