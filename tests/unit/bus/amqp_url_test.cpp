#include "kutse/bus/amqp_url.hpp"

#include <catch2/catch.hpp>

using kutse::bus::AmqpUrl;

TEST_CASE("an AMQP URL gives host, port, credentials and vhost") {
  auto url = AmqpUrl::Parse("amqp://kutse:p%40ss@127.0.0.1:5674/kutse");
  REQUIRE(url.host == "127.0.0.1");
  REQUIRE(url.port == 5674);
  REQUIRE(url.user == "kutse");
  REQUIRE(url.password == "p@ss");
  REQUIRE(url.vhost == "kutse");
  REQUIRE(AmqpUrl::Parse("amqp://rabbit:5672").vhost == "/");
}

TEST_CASE("a bad AMQP URL is refused without echoing the password") {
  REQUIRE_THROWS_AS(AmqpUrl::Parse("http://x:1/"), std::invalid_argument);
  try {
    AmqpUrl::Parse("amqp://u:secretpw@host:notaport/v");
    FAIL("no error");
  } catch (const std::invalid_argument& error) {
    REQUIRE(std::string(error.what()).find("secretpw") == std::string::npos);
  }
}
