#include "kutse/http/request_checks.hpp"

#include <algorithm>

#include "kutse/common/text.hpp"
#include "kutse/http/json_fields.hpp"
#include "kutse/http/query.hpp"

namespace kutse::http {
namespace {

using common::Msg;

std::string Trimmed(const std::string& text) {
  size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) {
    return "";
  }
  size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The q parameter of one media range, 1 when absent.
double Quality(const std::string& range) {
  for (const auto& parameter : common::Split(range, ';')) {
    std::string trimmed = Lower(Trimmed(parameter));
    if (trimmed.rfind("q=", 0) == 0) {
      try {
        return std::stod(trimmed.substr(2));
      } catch (const std::exception&) {
        return 1;
      }
    }
  }
  return 1;
}

}  // namespace

common::Status CheckPathAndQuery(const Request& request) {
  if (!IsCleanText(PercentDecodePath(request.path), false)) {
    return common::InvalidArgument(Msg("http.path_not_text")).WithReason("bad_request");
  }
  for (const auto& pair : common::Split(request.query, '&')) {
    size_t equals = pair.find('=');
    std::string name = PercentDecode(pair.substr(0, equals));
    std::string value = equals == std::string::npos ? "" : PercentDecode(pair.substr(equals + 1));
    bool clean_name = IsCleanText(name, false);
    if (!clean_name || !IsCleanText(value, false)) {
      // A name that is not text itself is not echoed back.
      return BadQuery(clean_name ? "/" + EscapePointerToken(name) : "", Msg("http.parameter_not_text"));
    }
  }
  return common::OkStatus();
}

common::Status CheckContentType(const RouteOptions& route, const Request& request) {
  if (!route.json_body || request.body.empty()) {
    return common::OkStatus();
  }
  if (MediaTypeOf(request.Header("content-type").value_or("")) != "application/json") {
    return common::InvalidArgument(Msg("http.send_json")).WithReason("unsupported_media_type");
  }
  return common::OkStatus();
}

common::Status CheckAccept(const RouteOptions& route, const Request& request) {
  auto accept = request.Header("accept");
  if (route.produces.empty() || !accept || Trimmed(*accept).empty()) {
    return common::OkStatus();
  }
  // A route that answers with a file of one of several types lists them all.
  for (const auto& produced : common::Split(route.produces, ',')) {
    if (Accepts(*accept, Trimmed(produced))) {
      return common::OkStatus();
    }
  }
  return common::InvalidArgument(Msg("http.not_acceptable", {{"type", route.produces}}))
      .WithReason("not_acceptable");
}

std::string MediaTypeOf(const std::string& header_value) {
  return Lower(Trimmed(header_value.substr(0, header_value.find(';'))));
}

bool Accepts(const std::string& accept_header, const std::string& media_type) {
  const std::string wanted = Lower(media_type);
  const std::string wanted_group = wanted.substr(0, wanted.find('/'));
  // The most specific range that matches decides (RFC 9110 12.5.1): "application/json;q=0, */*"
  // rules JSON out.
  int best_specificity = 0;
  double quality = 0;
  for (const auto& range : common::Split(accept_header, ',')) {
    std::string type = MediaTypeOf(range);
    int specificity = type == wanted ? 3 : type == wanted_group + "/*" ? 2 : type == "*/*" ? 1 : 0;
    if (specificity > best_specificity) {
      best_specificity = specificity;
      quality = Quality(range);
    }
  }
  return best_specificity > 0 && quality > 0;
}

}  // namespace kutse::http
