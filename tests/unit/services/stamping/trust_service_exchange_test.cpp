#include "clients/trust_service_exchange.hpp"

#include <catch2/catch.hpp>

using kutse::stamping::HostOf;

TEST_CASE("a trust service's URL is logged by its host alone: no credentials, port, path or query") {
  CHECK(HostOf("http://tsa.example.ee/tsa") == "tsa.example.ee");
  CHECK(HostOf("https://user:secret@ocsp.example.ee:8443/ocsp?x=1") == "ocsp.example.ee");
  CHECK(HostOf("http://user:p@ss@host.example") == "host.example");
  CHECK(HostOf("http://127.0.0.1:8085/") == "127.0.0.1");
  CHECK(HostOf("http://[::1]:8086/") == "[::1]");
  CHECK(HostOf("http://tsa.example#frag") == "tsa.example");
  CHECK(HostOf("") == "");
}
