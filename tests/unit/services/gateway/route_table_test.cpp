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
