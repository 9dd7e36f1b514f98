#include "kutse/http/problem.hpp"

#include <map>

namespace kutse::http {
namespace {

struct Titles {
  const char* et;
  const char* en;
};

const std::map<std::string, Titles>& KnownTitles() {
  static const std::map<std::string, Titles> titles = {
      {"malformed_json", {"Päringu sisu ei ole korrektne JSON", "Malformed JSON"}},
      {"malformed_request", {"Vigane päring", "Malformed request"}},
      {"validation_failed", {"Andmed ei vasta nõuetele", "Validation failed"}},
      {"bad_request", {"Vigane päring", "Bad request"}},
      {"unauthenticated", {"Sisselogimine on vajalik", "Authentication required"}},
      {"forbidden", {"Juurdepääs keelatud", "Forbidden"}},
      {"not_found", {"Ei leitud", "Not found"}},
      {"method_not_allowed", {"Meetod ei ole lubatud", "Method not allowed"}},
      {"conflict", {"Vastuolu", "Conflict"}},
      {"payload_too_large", {"Päringu sisu on liiga suur", "Payload too large"}},
      {"unsupported_media_type", {"Sisu tüüp ei ole toetatud", "Unsupported media type"}},
      {"too_many_requests", {"Liiga palju päringuid", "Too many requests"}},
      {"internal", {"Sisemine viga", "Internal error"}},
      {"bad_gateway", {"Teenus ei vastanud korrektselt", "Bad gateway"}},
      {"unavailable", {"Teenus ei ole saadaval", "Service unavailable"}},
      {"gateway_timeout", {"Teenus ei vastanud õigel ajal", "Gateway timeout"}},
  };
  return titles;
}

}  // namespace

std::string ProblemTitle(const std::string& code, const std::string& language) {
  auto found = KnownTitles().find(code);
  if (found == KnownTitles().end()) {
    return language == "en" ? "Error" : "Viga";
  }
  return language == "en" ? found->second.en : found->second.et;
}

Response ProblemResponse(const Problem& problem, const std::string& instance, const std::string& trace_id,
                         const std::string& language) {
  nlohmann::json body = {
      {"type", "https://kutse.ee/problems/" + problem.code},
      {"title", ProblemTitle(problem.code, language)},
      {"status", problem.status},
      {"detail", problem.detail},
      {"instance", instance},
      {"code", problem.code},
      {"trace_id", trace_id},
  };
  if (!problem.errors.empty()) {
    body["errors"] = nlohmann::json::array();
    for (const auto& error : problem.errors) {
      body["errors"].push_back({{"pointer", error.pointer}, {"detail", error.detail}});
    }
  }
  Response response = Response::Json(problem.status, body);
  response.content_type = "application/problem+json";
  response.headers.emplace_back("Content-Language", language);
  return response;
}

}  // namespace kutse::http
