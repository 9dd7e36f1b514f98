#include "kutse/http/request_checks.hpp"

#include <catch2/catch.hpp>

using namespace kutse::http;

TEST_CASE("Accept lets a media type through by */*, type/* or itself, the most specific deciding") {
  REQUIRE(Accepts("*/*", "application/json"));
  REQUIRE(Accepts("application/*", "application/json"));
  REQUIRE(Accepts("text/html, application/json;q=0.9", "application/json"));
  REQUIRE(Accepts("Application/JSON", "application/json"));
  REQUIRE_FALSE(Accepts("text/html", "application/json"));
  REQUIRE_FALSE(Accepts("application/json;q=0", "application/json"));
  REQUIRE_FALSE(Accepts("application/json;q=0, */*", "application/json"));
  REQUIRE(Accepts("application/json;q=0.1, */*;q=0", "application/json"));
  REQUIRE_FALSE(Accepts("kutse/unknown", "application/json"));
}

TEST_CASE("a media type is compared without its parameters and case") {
  REQUIRE(MediaTypeOf("Application/JSON; charset=utf-8") == "application/json");
  REQUIRE(MediaTypeOf("  text/plain  ") == "text/plain");
  REQUIRE(MediaTypeOf("") == "");
}

TEST_CASE("a JSON route refuses a body of another type, and a route answers 406 when Accept rules it out") {
  RouteOptions json_route{1024, true};
  Request request;
  request.body = "{}";
  request.headers["content-type"] = "application/json; charset=utf-8";
  REQUIRE(CheckContentType(json_route, request).ok());
  request.headers["content-type"] = "application/x-www-form-urlencoded";
  REQUIRE(CheckContentType(json_route, request).reason() == "unsupported_media_type");
  request.body.clear();
  REQUIRE(CheckContentType(json_route, request).ok());  // no body, nothing to judge
  request.headers["accept"] = "text/csv";
  REQUIRE(CheckAccept(json_route, request).reason() == "not_acceptable");
  RouteOptions redirect{1024, false, ""};
  REQUIRE(CheckAccept(redirect, request).ok());
}

TEST_CASE("a route that answers with a file of several types is acceptable by any one of them") {
  RouteOptions file_route{1024, false, "application/pdf, image/jpeg, image/png"};
  Request request;
  for (const char* accept :
       {"image/png", "application/pdf", "image/*", "*/*", "text/html, image/jpeg;q=0.5"}) {
    request.headers["accept"] = accept;
    REQUIRE(CheckAccept(file_route, request).ok());
  }
  for (const char* accept : {"application/json", "text/*", "image/png;q=0, application/xml"}) {
    request.headers["accept"] = accept;
    REQUIRE(CheckAccept(file_route, request).reason() == "not_acceptable");
  }
}

TEST_CASE("the path and every query value must be clean text once decoded") {
  Request request;
  request.path = "/api/v1/public/certificates/K-000001";
  request.query = "name=%C3%95un&limit=5";
  REQUIRE(CheckPathAndQuery(request).ok());
  request.query = "name=%00";
  auto refused = CheckPathAndQuery(request);
  REQUIRE(refused.reason() == "bad_request");
  REQUIRE(refused.field_errors().at(0).pointer == "/name");
  request.query = "%FF=1";
  REQUIRE(CheckPathAndQuery(request).field_errors().at(0).pointer.empty());  // the name is not echoed
  request.query.clear();
  request.path = "/api/v1/public/certificates/K-000001%00";
  REQUIRE_FALSE(CheckPathAndQuery(request).ok());
}
