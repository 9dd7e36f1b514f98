#include "kutse/common/stop_signal.hpp"

#include <catch2/catch.hpp>
#include <thread>

using kutse::common::StopSignal;

TEST_CASE("a wait on the stop signal ends as soon as stopping is asked for") {
  StopSignal stop;
  auto started = std::chrono::steady_clock::now();
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    stop.Request();
  });
  bool stopped = stop.WaitFor(std::chrono::hours(1));
  auto waited = std::chrono::steady_clock::now() - started;
  stopper.join();
  CHECK(stopped);
  CHECK(waited < std::chrono::seconds(5));
  CHECK(stop.WaitFor(std::chrono::hours(1)));  // asked for already: no wait at all
}

TEST_CASE("without a stop request the wait lasts its time, and Reset clears the request") {
  StopSignal stop;
  auto started = std::chrono::steady_clock::now();
  CHECK_FALSE(stop.WaitFor(std::chrono::milliseconds(30)));
  CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(30));
  stop.Request();
  CHECK(stop.Requested());
  stop.Reset();
  CHECK_FALSE(stop.Requested());
  CHECK_FALSE(stop.WaitFor(std::chrono::milliseconds(1)));
}
