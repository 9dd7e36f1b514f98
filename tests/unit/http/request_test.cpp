#include "kutse/http/request.hpp"

#include <catch2/catch.hpp>

#include "kutse/http/problem.hpp"
#include "kutse/http/query.hpp"

using namespace kutse::http;

TEST_CASE("query parameters are found and decoded") {
  Request request;
  request.query = "limit=5&cursor=a%2Bb&name=%C3%95un&flag";
  REQUIRE(request.QueryParam("limit") == "5");
  REQUIRE(request.QueryParam("cursor") == "a+b");
  REQUIRE(request.QueryParam("name") == "Õun");
  REQUIRE(request.QueryParam("flag") == "");
  REQUIRE_FALSE(request.QueryParam("missing").has_value());
}

TEST_CASE("a path segment is encoded so that decoding gives it back, slashes and all") {
  REQUIRE(PercentEncodePathSegment("K-000123") == "K-000123");
  REQUIRE(PercentEncodePathSegment("KT-1998/042") == "KT-1998%2F042");
  REQUIRE(PercentEncodePathSegment("2011.08") == "2011%2E08");
  REQUIRE(PercentEncodePathSegment("a b+c?d#e%") == "a%20b%2Bc%3Fd%23e%25");
  REQUIRE(PercentEncodePathSegment("Õun") == "%C3%95un");
  REQUIRE(PercentEncodePathSegment("..") == "%2E%2E");
  for (const std::string text : {"KT-1998/042", "a b+c?d#e%", "Õun", "~._-", "..", ""}) {
    REQUIRE(PercentDecodePath(PercentEncodePathSegment(text)) == text);
  }
}

TEST_CASE("language follows Accept-Language between Estonian and English") {
  Request request;
  REQUIRE(request.Language() == "et");
  request.headers["accept-language"] = "en-GB,en;q=0.9";
  REQUIRE(request.Language() == "en");
  request.headers["accept-language"] = "fi, et;q=0.8, en;q=0.5";
  REQUIRE(request.Language() == "et");
  request.headers["accept-language"] = "de";
  REQUIRE(request.Language() == "et");
}

TEST_CASE("a JSON body must parse and be an object") {
  Request request;
  request.body = "{\"a\":1}";
  REQUIRE(request.JsonBody()["a"] == 1);
  request.body = "{bad";
  try {
    request.JsonBody();
    FAIL("no error");
  } catch (const kutse::common::StatusError& error) {
    REQUIRE(HttpStatusOf(error.status()) == 400);
    REQUIRE(ProblemCodeOf(error.status()) == "malformed_json");
  }
  request.body = "[1,2]";
  REQUIRE_THROWS_AS(request.JsonBody(), kutse::common::StatusError);
}

TEST_CASE("shared query helpers: positive numbers and the page size") {
  REQUIRE(kutse::http::ParsePositive("42", 100) == 42);
  REQUIRE_FALSE(kutse::http::ParsePositive("0", 100));
  REQUIRE_FALSE(kutse::http::ParsePositive("101", 100));
  REQUIRE_FALSE(kutse::http::ParsePositive("-1", 100));
  REQUIRE_FALSE(kutse::http::ParsePositive("", 100));
  Request request;
  REQUIRE(kutse::http::PageSize(request, 20) == 20);
  request.query = "limit=100";
  REQUIRE(kutse::http::PageSize(request, 20) == 100);
  request.query = "limit=1000";
  try {
    kutse::http::PageSize(request, 20);
    FAIL("no error");
  } catch (const kutse::common::StatusError& error) {
    REQUIRE(HttpStatusOf(error.status()) == 400);
    REQUIRE(error.status().field_errors().at(0).pointer == "/limit");
  }
}
