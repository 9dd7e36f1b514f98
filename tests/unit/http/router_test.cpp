#include "kutse/http/router.hpp"

#include <catch2/catch.hpp>

using namespace kutse::http;

namespace {

SyncHandler Named(const std::string& name) {
  return [name](Request&) { return Response::Text(200, "text/plain", name); };
}

}  // namespace

TEST_CASE("routes match literals before parameters and capture parameters") {
  Router router;
  router.Add("GET", "/api/v1/bodies/{bodyId}/certificates", Named("list"));
  router.Add("GET", "/api/v1/bodies/mine/certificates", Named("mine"));
  auto match = router.Find("GET", "/api/v1/bodies/80012345/certificates");
  REQUIRE(match.route != nullptr);
  REQUIRE(match.params["bodyId"] == "80012345");
  REQUIRE(router.Find("GET", "/api/v1/bodies/mine/certificates").route->pattern ==
          "/api/v1/bodies/mine/certificates");
}

TEST_CASE("a path known for other methods reports them, an unknown path reports none") {
  Router router;
  router.Add("GET", "/things", Named("get"));
  router.Add("POST", "/things", Named("post"));
  auto match = router.Find("DELETE", "/things");
  REQUIRE(match.route == nullptr);
  REQUIRE(match.allowed_methods == std::vector<std::string>{"GET", "POST"});
  REQUIRE(router.Find("GET", "/other").allowed_methods.empty());
  REQUIRE(router.Find("GET", "/things/extra").route == nullptr);
}

TEST_CASE("a trailing star matches any rest of the path") {
  Router router;
  router.Add("GET", "/api/v1/*", Named("proxy"));
  auto match = router.Find("GET", "/api/v1/me/notifications");
  REQUIRE(match.route != nullptr);
  REQUIRE(match.params["*"] == "me/notifications");
  REQUIRE(router.Find("GET", "/api/v2/x").route == nullptr);
}

TEST_CASE("parameters are percent-decoded and never empty") {
  Router router;
  router.Add("GET", "/c/{number}", Named("one"));
  REQUIRE(router.Find("GET", "/c/K%2D1").params["number"] == "K-1");
  REQUIRE(router.Find("GET", "/c/").route == nullptr);
}

TEST_CASE("the largest body limit sizes the transport buffer") {
  Router router;
  router.Add("POST", "/small", Named("s"));
  router.Add("POST", "/big", Named("b"), RouteOptions{5 * 1024 * 1024, true});
  REQUIRE(router.LargestBodyLimit() == 5 * 1024 * 1024);
}

TEST_CASE("a prefix route does not take a path its own routes serve with another method") {
  Router router;
  router.Add("GET", "/api/v1/me", [](Request&) { return Response::Json(200, {}); });
  router.AddAsync("PUT", "/api/v1/*", [](Request&, Reply) {});
  router.AddAsync("GET", "/api/v1/*", [](Request&, Reply) {});
  auto put_me = router.Find("PUT", "/api/v1/me");
  REQUIRE(put_me.route == nullptr);
  REQUIRE(put_me.allowed_methods == std::vector<std::string>{"GET"});
  REQUIRE(router.Find("PUT", "/api/v1/me/certificates/K-1").route != nullptr);  // forwarded as before
  REQUIRE(router.Find("GET", "/api/v1/me").route->pattern == "/api/v1/me");
}

TEST_CASE("a path parameter keeps a plus sign, only query values turn it into a space") {
  Router router;
  router.Add("GET", "/things/{id}", [](Request&) { return Response::Json(200, {}); });
  REQUIRE(router.Find("GET", "/things/a+b%2Fc").params.at("id") == "a+b/c");
  Request request;
  request.query = "q=a+b";
  REQUIRE(request.QueryParam("q") == "a b");
}
