#include "kutse/http/worker_pool.hpp"

#include <atomic>
#include <catch2/catch.hpp>

using kutse::http::WorkerPool;

TEST_CASE("the pool runs every queued task before it stops") {
  std::atomic<int> done{0};
  {
    WorkerPool pool(3, 1000);
    for (int i = 0; i < 500; ++i) {
      REQUIRE(pool.Submit([&done] { ++done; }));
    }
    pool.Stop();
  }
  REQUIRE(done == 500);
}

TEST_CASE("a full queue refuses more work instead of growing") {
  std::atomic<bool> release{false};
  WorkerPool pool(1, 2);
  REQUIRE(pool.Submit([&release] {
    while (!release) {
      std::this_thread::yield();
    }
  }));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the worker has taken the first task
  REQUIRE(pool.Submit([] {}));
  REQUIRE(pool.Submit([] {}));
  REQUIRE_FALSE(pool.Submit([] {}));
  release = true;
}
