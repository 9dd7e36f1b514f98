#include "kutse/http/problem.hpp"

#include <catch2/catch.hpp>

#include "kutse/common/message_catalog.hpp"

using namespace kutse::common;
using kutse::http::HttpStatusOf;
using kutse::http::ProblemCodeOf;
using kutse::http::ProblemResponse;

namespace {

std::string HeaderOf(const kutse::http::Response& response, const std::string& name) {
  for (const auto& [header, value] : response.headers) {
    if (header == name) {
      return value;
    }
  }
  return "";
}

}  // namespace

TEST_CASE("each canonical code has one HTTP status and problem code") {
  struct Expected {
    Status status;
    int http;
    const char* code;
  };
  const Expected table[] = {
      {InvalidArgument(Msg("x")), 422, "validation_failed"},
      {Unauthenticated(Msg("x")), 401, "unauthenticated"},
      {PermissionDenied(Msg("x")), 403, "forbidden"},
      {NotFound(Msg("x")), 404, "not_found"},
      {AlreadyExists(Msg("x")), 409, "conflict"},
      {FailedPrecondition(Msg("x")), 409, "conflict"},
      {Aborted(Msg("x")), 409, "conflict"},
      {ResourceExhausted(Msg("x")), 429, "too_many_requests"},
      {DeadlineExceeded(Msg("x")), 504, "gateway_timeout"},
      {Unavailable(Msg("x")), 503, "unavailable"},
      {Internal(Msg("x")), 500, "internal"},
  };
  for (const auto& expected : table) {
    INFO(ToString(expected.status.code()));
    REQUIRE(HttpStatusOf(expected.status) == expected.http);
    REQUIRE(ProblemCodeOf(expected.status) == expected.code);
  }
}

TEST_CASE("a reason names a finer problem code of the same canonical code, never another's") {
  REQUIRE(HttpStatusOf(InvalidArgument(Msg("x")).WithReason("malformed_json")) == 400);
  REQUIRE(ProblemCodeOf(InvalidArgument(Msg("x")).WithReason("malformed_json")) == "malformed_json");
  REQUIRE(HttpStatusOf(InvalidArgument(Msg("x")).WithReason("unsupported_media_type")) == 415);
  REQUIRE(HttpStatusOf(FailedPrecondition(Msg("x")).WithReason("precondition_failed")) == 412);
  REQUIRE(HttpStatusOf(PermissionDenied(Msg("x")).WithReason("csrf_failed")) == 403);
  REQUIRE(ProblemCodeOf(PermissionDenied(Msg("x")).WithReason("csrf_failed")) == "csrf_failed");
  // A reason meant for another code does not move the status: a not-found stays a 404.
  REQUIRE(HttpStatusOf(NotFound(Msg("x")).WithReason("malformed_json")) == 404);
  REQUIRE(HttpStatusOf(Unavailable(Msg("x")).WithReason("no_such_reason")) == 503);
}

TEST_CASE("a problem is rendered in the caller's language with its field errors") {
  MessageCatalog::Global().Load(
      "en", R"({"test.detail": "Level {n} is too high.", "test.field": "too high"})", "test-en");
  MessageCatalog::Global().Load(
      "et", R"({"test.detail": "Tase {n} on liiga kõrge.", "test.field": "liiga kõrge"})", "test-et");
  Status status = InvalidArgument(Msg("test.detail", {{"n", "9"}}), {{"/level", Msg("test.field")}});
  auto english = nlohmann::json::parse(ProblemResponse(status, "/x", "t1", "en").body);
  REQUIRE(english["status"] == 422);
  REQUIRE(english["code"] == "validation_failed");
  REQUIRE(english["type"] == "https://kutse.ee/problems/validation_failed");
  REQUIRE(english["title"] == "Validation failed");
  REQUIRE(english["detail"] == "Level 9 is too high.");
  REQUIRE(english["errors"][0]["pointer"] == "/level");
  REQUIRE(english["errors"][0]["detail"] == "too high");
  REQUIRE(english["trace_id"] == "t1");
  auto estonian = ProblemResponse(status, "/x", "t1", "et");
  auto body = nlohmann::json::parse(estonian.body);
  REQUIRE(estonian.content_type == "application/problem+json");
  REQUIRE(HeaderOf(estonian, "Content-Language") == "et");
  REQUIRE(body["title"] == "Andmed ei vasta nõuetele");
  REQUIRE(body["detail"] == "Tase 9 on liiga kõrge.");
  REQUIRE(body["errors"][0]["detail"] == "liiga kõrge");
}

TEST_CASE("what is worth retrying later says when, and an unauthenticated client learns how to sign in") {
  auto down = ProblemResponse(Unavailable(Msg("x")), "/x", "t", "en");
  REQUIRE(down.status == 503);
  REQUIRE(HeaderOf(down, "Retry-After") == "1");
  auto database =
      ProblemResponse(Unavailable(Msg("x")).WithRetryAfter(std::chrono::seconds(5)), "/x", "t", "en");
  REQUIRE(HeaderOf(database, "Retry-After") == "5");
  auto limited =
      ProblemResponse(ResourceExhausted(Msg("x")).WithRetryAfter(std::chrono::seconds(42)), "/x", "t", "en");
  REQUIRE(limited.status == 429);
  REQUIRE(HeaderOf(limited, "Retry-After") == "42");
  auto basic =
      ProblemResponse(Unauthenticated(Msg("x")).WithChallenge("Basic realm=\"kutse\""), "/x", "t", "en");
  REQUIRE(HeaderOf(basic, "WWW-Authenticate") == "Basic realm=\"kutse\"");
  REQUIRE(HeaderOf(ProblemResponse(NotFound(Msg("x")), "/x", "t", "en"), "Retry-After").empty());
}

TEST_CASE("the instance is the path as a URI: what a URI may not hold is percent-encoded") {
  auto instance = [](const std::string& path) {
    return nlohmann::json::parse(ProblemResponse(NotFound(Msg("x")), path, "t", "en").body)["instance"]
        .get<std::string>();
  };
  REQUIRE(instance("/api/v1/public/certificates/K-000001") == "/api/v1/public/certificates/K-000001");
  REQUIRE(instance("/a%2Fb") == "/a%2Fb");  // already encoded: kept
  REQUIRE(instance("/a b\"<x>") == "/a%20b%22%3Cx%3E");
  REQUIRE(instance(std::string("/nul\0end", 8)) == "/nul%00end");
  REQUIRE(instance("/Õun") == "/%C3%95un");
  REQUIRE(instance("/100%") == "/100%25");
}

TEST_CASE("an answer is valid UTF-8 even when a message value is not") {
  MessageCatalog::Global().Load("en", R"({"test.echo": "got {value}"})", "test-echo");
  auto response = ProblemResponse(InvalidArgument(Msg("test.echo", {{"value", "\xC3("}})), "/x", "t", "en");
  REQUIRE_NOTHROW(nlohmann::json::parse(response.body));
}

TEST_CASE("libs/http's own texts exist in Estonian and English") {
  kutse::http::LoadMessages();
  for (const char* key :
       {"problem.not_found", "problem.validation_failed", "http.no_route", "field.required"}) {
    for (const char* language : {"et", "en"}) {
      INFO(key << " " << language);
      REQUIRE(MessageCatalog::Global().Has(key, language));
    }
  }
}
