#include "kutse/http/query.hpp"

namespace kutse::http {

common::Status BadQuery(const std::string& pointer, common::Message detail) {
  return common::InvalidArgument(common::Msg("http.invalid_query"), {{pointer, std::move(detail)}})
      .WithReason("bad_request");
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
    throw common::StatusError(
        BadQuery("/limit", common::Msg("http.limit_range", {{"max", std::to_string(kMaxPageSize)}})));
  }
  return static_cast<int>(*value);
}

}  // namespace kutse::http
