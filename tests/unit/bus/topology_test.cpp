#include "kutse/bus/topology.hpp"

#include <catch2/catch.hpp>

using namespace kutse::bus;

TEST_CASE("queue names follow the service, with three back-off tiers growing in delay") {
  REQUIRE(QueueName("notification") == "notification.events");
  REQUIRE(RetryQueueName("notification", 2) == "notification.events.retry.2");
  REQUIRE(DeadLetterQueueName("notification") == "notification.events.dead");
  REQUIRE(kRetryTiers == 3);
  REQUIRE(kDefaultRetryDelaysMs[0] < kDefaultRetryDelaysMs[1]);
  REQUIRE(kDefaultRetryDelaysMs[1] < kDefaultRetryDelaysMs[2]);
}
