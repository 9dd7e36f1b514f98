#include "kutse/common/metrics.hpp"

#include <catch2/catch.hpp>

using kutse::common::MetricsRegistry;

TEST_CASE("counters and histograms render in Prometheus text format") {
  MetricsRegistry registry;
  registry.Describe("requests_total", "counter", "Requests");
  registry.Increment("requests_total", {{"route", "/a"}, {"status", "200"}});
  registry.Increment("requests_total", {{"route", "/a"}, {"status", "200"}});
  registry.Observe("latency_seconds", {{"route", "/a"}}, 0.003);
  registry.GaugeCallback("lag", "Lag", [] { return 42.0; });
  std::string text = registry.Render();
  REQUIRE(text.find("# TYPE requests_total counter") != std::string::npos);
  REQUIRE(text.find("requests_total{route=\"/a\",status=\"200\"} 2") != std::string::npos);
  REQUIRE(text.find("latency_seconds_bucket{route=\"/a\",le=\"0.0025\"} 0") != std::string::npos);
  REQUIRE(text.find("latency_seconds_bucket{route=\"/a\",le=\"0.005\"} 1") != std::string::npos);
  REQUIRE(text.find("latency_seconds_count{route=\"/a\"} 1") != std::string::npos);
  REQUIRE(text.find("lag 42") != std::string::npos);
  REQUIRE(registry.CounterValue("requests_total", {{"route", "/a"}, {"status", "200"}}) == 2);
}

TEST_CASE("label values are escaped") {
  MetricsRegistry registry;
  registry.Increment("x_total", {{"path", "a\"b\\c"}});
  REQUIRE(registry.Render().find("x_total{path=\"a\\\"b\\\\c\"} 1") != std::string::npos);
}

TEST_CASE("a failing gauge callback shows -1 instead of breaking the scrape") {
  MetricsRegistry registry;
  registry.GaugeCallback("broken", "Broken", []() -> double { throw std::runtime_error("db down"); });
  REQUIRE(registry.Render().find("broken -1") != std::string::npos);
}
