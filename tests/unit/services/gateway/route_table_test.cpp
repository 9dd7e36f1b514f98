#include "proxy/route_table.hpp"

#include <catch2/catch.hpp>

using namespace kutse::gateway;

TEST_CASE("the longest prefix decides the owning service, on segment boundaries") {
  auto table = DefaultRouteTable("http://c", "http://w", "http://n", "http://s");
  REQUIRE(table.Find("/api/v1/me/notifications")->service == "notification");
  REQUIRE(table.Find("/api/v1/me/notifications/123")->service == "notification");
  REQUIRE(table.Find("/api/v1/bodies/80012345/certificates")->service == "certificate");
  REQUIRE(table.Find("/api/v1/bodies/80012345/certificates")->base_url == "http://c");
  REQUIRE_FALSE(table.Find("/api/v1/me/notificationsX"));
  REQUIRE_FALSE(table.Find("/api/v1/unknown"));
  REQUIRE_FALSE(table.Find("/api/v1/me"));
}

TEST_CASE("every route of \"My notifications\" reaches the notification service") {
  auto table = DefaultRouteTable("http://c", "http://w", "http://n", "http://s");
  for (const char* path :
       {"/api/v1/me/notifications/unread-count", "/api/v1/me/notifications/read-all",
        "/api/v1/me/notifications/0b8f4a52-6a4e-4d51-9a55-0f3d8c7e2a11/read",
        "/api/v1/me/notification-settings", "/api/v1/me/notification-settings/email-confirmation",
        "/api/v1/admin/notification-deliveries",
        "/api/v1/admin/notification-deliveries/0b8f4a52-6a4e-4d51-9a55-0f3d8c7e2a11/retry",
        "/api/v1/admin/notification-digests"}) {
    INFO(path);
    REQUIRE(table.Find(path)->service == "notification");
    REQUIRE(table.Find(path)->base_url == "http://n");
  }
}

TEST_CASE("bulk writes get a longer upstream timeout than every other answer") {
  auto table = DefaultRouteTable("http://c", "http://w", "http://n", "http://s");
  REQUIRE(table.Find("/api/v1/bodies/80012345/certificate-batches")->timeout == kBulkUpstreamTimeout);
  REQUIRE(table.Find("/api/v1/admin/certificate-imports")->timeout == kBulkUpstreamTimeout);
  REQUIRE(table.Find("/api/v1/bodies/80012345/certificates")->timeout == kDefaultUpstreamTimeout);
  REQUIRE(table.Find("/api/v1/public/certificates")->timeout == kDefaultUpstreamTimeout);
  REQUIRE(kBulkUpstreamTimeout > kDefaultUpstreamTimeout);
}

TEST_CASE("nothing outside /api/v1 is forwarded: the services' /internal routes stay unreachable") {
  auto table = DefaultRouteTable("http://c", "http://w", "http://n", "http://s");
  REQUIRE_FALSE(table.Find("/internal/v1/certificates/K-000001/facts"));
  REQUIRE_FALSE(table.Find("/internal"));
  REQUIRE_FALSE(table.Find("/api/v1/internal/v1/certificates/K-000001/facts"));
  // curl would squash the dots into /internal/v1/... on the way out.
  REQUIRE_FALSE(table.Find("/api/v1/bodies/../../../internal/v1/certificates/K-000001/facts"));
  REQUIRE_FALSE(table.Find("/api/v1/public/./../../../internal/v1/certificates/K-000001/facts"));
  REQUIRE_FALSE(table.Find("/api/v1/public/.."));
  // Dots inside a segment are a name like any other.
  REQUIRE(table.Find("/api/v1/public/certificates/K.1..2")->service == "certificate");
  REQUIRE(table.Find("/api/v1/public/...")->service == "certificate");
}

TEST_CASE("a placeholder segment hands one body's requests to the workflow, the rest stays") {
  auto table = DefaultRouteTable("http://c", "http://w", "http://n", "http://s");
  REQUIRE(table.Find("/api/v1/bodies/80012345/requests")->service == "workflow");
  REQUIRE(table.Find("/api/v1/bodies/80012345/requests/5b1e/decision")->service == "workflow");
  REQUIRE(table.Find("/api/v1/admin/requests")->service == "workflow");
  REQUIRE(table.Find("/api/v1/bodies/80012345")->service == "certificate");
  REQUIRE(table.Find("/api/v1/bodies/80012345/requestsX")->service == "certificate");
  REQUIRE(table.Find("/api/v1/bodies/80012345/api-clients")->service == "certificate");
  // An empty segment is no body.
  REQUIRE(table.Find("/api/v1/bodies//requests")->service == "certificate");
}

TEST_CASE("the register keeper's inbox and every step under it go to the workflow") {
  auto table = DefaultRouteTable("http://c", "http://w", "http://n", "http://s");
  for (const char* path :
       {"/api/v1/admin/requests/5b1e", "/api/v1/admin/requests/5b1e/take",
        "/api/v1/admin/requests/5b1e/approve", "/api/v1/admin/requests/5b1e/mark-delivered"}) {
    INFO(path);
    REQUIRE(table.Find(path)->service == "workflow");
  }
  for (const char* path : {"/api/v1/admin/requestsX", "/api/v1/admin/standards"}) {
    INFO(path);
    auto route = table.Find(path);
    REQUIRE((!route || route->service != "workflow"));
  }
}

TEST_CASE("between equally long prefixes a named segment wins over a placeholder") {
  RouteTable table;
  table.Add("/a/{id}/b", {"pattern", "http://p"});
  table.Add("/a/special/b", {"named", "http://n"});
  table.Add("/a", {"short", "http://s"});
  REQUIRE(table.Find("/a/special/b/1")->service == "named");
  REQUIRE(table.Find("/a/other/b/1")->service == "pattern");
  REQUIRE(table.Find("/a/other/c")->service == "short");
}

TEST_CASE("a holder's stamps of a certificate go to stamping, the certificate itself stays") {
  auto table = DefaultRouteTable("http://c", "http://w", "http://n", "http://s");
  REQUIRE(table.Find("/api/v1/me/certificates/K-000123/stamps")->service == "stamping");
  REQUIRE(table.Find("/api/v1/me/certificates/K-000123/stamps")->base_url == "http://s");
  REQUIRE(table.Find("/api/v1/me/stamps")->service == "stamping");
  REQUIRE(table.Find("/api/v1/me/stamps/abc/withdrawal")->service == "stamping");
  REQUIRE(table.Find("/api/v1/me/certificates")->service == "certificate");
  REQUIRE(table.Find("/api/v1/me/certificates/K-000123")->service == "certificate");
  REQUIRE(table.Find("/api/v1/me/certificates/K-000123/publication")->service == "certificate");
  REQUIRE(table.Find("/api/v1/me/certificates/K-000123/stampsX")->service == "certificate");
}

TEST_CASE("the public's verifications go to stamping, the rest of the public register stays") {
  auto table = DefaultRouteTable("http://c", "http://w", "http://n", "http://s");
  REQUIRE(table.Find("/api/v1/public/verifications")->service == "stamping");
  REQUIRE(table.Find("/api/v1/public/verifications/q2Xv7rPz0aLk3JmN8sTw4bYc")->service == "stamping");
  REQUIRE(table.Find("/api/v1/public/certificates")->service == "certificate");
  REQUIRE(table.Find("/api/v1/public/verificationsX")->service == "certificate");
}
