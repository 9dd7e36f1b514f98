#include "kutse/http/problem.hpp"

#include <mutex>
#include <nlohmann/json.hpp>

#include "kutse/common/message_catalog.hpp"
#include "kutse/http/messages.hpp"

namespace kutse::http {

namespace {

using common::StatusCode;

struct ProblemType {
  const char* code;  // the API's machine-readable problem code (openapi.yaml, "Error codes")
  StatusCode canonical;
  int http_status;
};

// Every problem code the API promises. A Status names one by its reason; without a reason (or with
// one meant for another canonical code) its canonical code's first row applies.
constexpr ProblemType kProblemTypes[] = {
    {"validation_failed", StatusCode::kInvalidArgument, 422},
    {"bad_request", StatusCode::kInvalidArgument, 400},
    {"malformed_json", StatusCode::kInvalidArgument, 400},
    {"malformed_request", StatusCode::kInvalidArgument, 400},
    {"login_expired", StatusCode::kInvalidArgument, 400},
    {"method_not_allowed", StatusCode::kInvalidArgument, 405},
    {"not_acceptable", StatusCode::kInvalidArgument, 406},
    {"payload_too_large", StatusCode::kInvalidArgument, 413},
    {"unsupported_media_type", StatusCode::kInvalidArgument, 415},
    {"unauthenticated", StatusCode::kUnauthenticated, 401},
    {"login_cancelled", StatusCode::kUnauthenticated, 401},
    {"forbidden", StatusCode::kPermissionDenied, 403},
    {"csrf_failed", StatusCode::kPermissionDenied, 403},
    {"not_an_estonian_person", StatusCode::kPermissionDenied, 403},
    {"not_found", StatusCode::kNotFound, 404},
    {"conflict", StatusCode::kAlreadyExists, 409},
    {"conflict", StatusCode::kFailedPrecondition, 409},
    {"precondition_failed", StatusCode::kFailedPrecondition, 412},
    {"precondition_required", StatusCode::kFailedPrecondition, 428},
    {"conflict", StatusCode::kAborted, 409},
    {"too_many_requests", StatusCode::kResourceExhausted, 429},
    {"gateway_timeout", StatusCode::kDeadlineExceeded, 504},
    {"request_timeout", StatusCode::kDeadlineExceeded, 408},
    {"unavailable", StatusCode::kUnavailable, 503},
    {"bad_gateway", StatusCode::kUnavailable, 502},
    {"internal", StatusCode::kInternal, 500},
};

const ProblemType& TypeOf(const common::Status& status) {
  const ProblemType* first = nullptr;
  for (const auto& type : kProblemTypes) {
    if (type.canonical != status.code()) {
      continue;
    }
    if (first == nullptr) {
      first = &type;
    }
    if (status.reason() == type.code) {
      return type;
    }
  }
  // kOk has no row: an OK status turned into a problem is a bug, answered as one.
  return first != nullptr ? *first : kProblemTypes[sizeof kProblemTypes / sizeof kProblemTypes[0] - 1];
}

bool IsUriCharacter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("-._~/!$&'()*+,;=:@").find(static_cast<char>(c)) != std::string_view::npos;
}

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// A path as a URI reference: what is already percent-encoded stays, every other byte a URI may not
// hold (spaces, quotes, control characters, non-ASCII) is encoded.
std::string EncodedInstance(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    auto c = static_cast<unsigned char>(path[i]);
    if (IsUriCharacter(c) || (c == '%' && i + 2 < path.size() && IsHex(path[i + 1]) && IsHex(path[i + 2]))) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xf]);
    }
  }
  return out;
}

}  // namespace

void LoadMessages() {
  static std::once_flag loaded;
  std::call_once(loaded, [] {
    common::LoadEmbeddedMessages();
    LoadEmbeddedMessages();
  });
}

std::string ProblemCodeOf(const common::Status& status) {
  return TypeOf(status).code;
}

int HttpStatusOf(const common::Status& status) {
  return TypeOf(status).http_status;
}

Response ProblemResponse(const common::Status& status, const std::string& instance,
                         const std::string& trace_id, const std::string& language) {
  LoadMessages();
  const auto& catalog = common::MessageCatalog::Global();
  const ProblemType& type = TypeOf(status);
  const std::string code = type.code;
  nlohmann::json body = {
      {"type", "https://kutse.ee/problems/" + code},
      {"title", catalog.Render(common::Msg("problem." + code), language)},
      {"status", type.http_status},
      {"detail", catalog.Render(status.message(), language)},
      {"instance", EncodedInstance(instance)},
      {"code", code},
      {"trace_id", trace_id},
  };
  if (!status.field_errors().empty()) {
    body["errors"] = nlohmann::json::array();
    for (const auto& error : status.field_errors()) {
      body["errors"].push_back(
          {{"pointer", error.pointer}, {"detail", catalog.Render(error.detail, language)}});
    }
  }
  Response response = Response::Json(type.http_status, body);
  response.content_type = "application/problem+json";
  response.headers.emplace_back("Content-Language", language);
  if (!status.challenge().empty()) {
    response.headers.emplace_back("WWW-Authenticate", status.challenge());
  }
  if (status.retry_after()) {
    response.headers.emplace_back("Retry-After", std::to_string(status.retry_after()->count()));
  } else if (code == "unavailable" || code == "too_many_requests") {
    response.headers.emplace_back("Retry-After", "1");
  }
  return response;
}

}  // namespace kutse::http
