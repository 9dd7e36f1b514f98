// db::PeriodicJob's single runner across replicas, against the real PostgreSQL: two "replicas" are
// two jobs of the same name in this process, each with a pool of its own.
#include <atomic>
#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "kutse/db/periodic_job.hpp"
#include "support/test_env.hpp"

using namespace kutse;
using std::chrono::milliseconds;

namespace {

// How many rounds run at this moment, and the most there ever were.
struct Overlap {
  std::atomic<int> now{0};
  std::atomic<int> most{0};
  std::atomic<int> rounds{0};

  common::Status Round() {
    int running = ++now;
    int seen = most.load();
    while (running > seen && !most.compare_exchange_weak(seen, running)) {
    }
    ++rounds;
    std::this_thread::sleep_for(milliseconds(40));  // long enough for the other replica to try
    --now;
    return common::OkStatus();
  }
};

db::PoolOptions TwoConnections() {
  return db::PoolOptions{testing::AdminDsn(), 2, milliseconds(5000), {}};
}

// Lets a round start and holds it until the test lets go.
class Gate {
 public:
  void Enter() {
    std::unique_lock<std::mutex> lock(mutex_);
    entered_ = true;
    changed_.notify_all();
    changed_.wait(lock, [&] { return open_; });
  }
  bool AwaitEntered() {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(20), [&] { return entered_; });
  }
  void Open() {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool entered_ = false;
  bool open_ = false;
};

}  // namespace

TEST_CASE("with a single runner, two replicas never run a round at once, and both get to run", "[db]") {
  db::Pool pool_a(TwoConnections());
  db::Pool pool_b(TwoConnections());
  common::MetricsRegistry metrics;
  const std::string name = testing::UniqueName("single");
  Overlap overlap;
  std::atomic<int> rounds_a{0};
  std::atomic<int> rounds_b{0};
  auto options = [&](db::Pool& pool, std::uint64_t seed) {
    db::PeriodicJobOptions o{name, milliseconds(5)};
    o.single_runner = &pool;
    o.metrics = &metrics;
    o.seed = seed;
    return o;
  };
  db::PeriodicJob a(options(pool_a, 1), [&](const common::StopSignal&) {
    ++rounds_a;
    return overlap.Round();
  });
  db::PeriodicJob b(options(pool_b, 2), [&](const common::StopSignal&) {
    ++rounds_b;
    return overlap.Round();
  });
  a.Start();
  b.Start();
  for (int i = 0; i < 400 && (rounds_a < 3 || rounds_b < 3); ++i) {
    std::this_thread::sleep_for(milliseconds(10));
  }
  a.Stop();
  b.Stop();
  CHECK(overlap.most.load() == 1);
  CHECK(rounds_a.load() >= 3);
  CHECK(rounds_b.load() >= 3);
  // They did meet: rounds were skipped because the other replica held the lock.
  CHECK(metrics.CounterValue("kutse_job_skipped_total", {{"job", name}}) > 0);
  CHECK(metrics.CounterValue("kutse_job_failures_total", {{"job", name}}) == 0);
}

TEST_CASE("without a single runner, both replicas run their rounds at the same time", "[db]") {
  common::MetricsRegistry metrics;
  const std::string name = testing::UniqueName("everywhere");
  Overlap overlap;
  db::PeriodicJobOptions options{name, milliseconds(5)};
  options.metrics = &metrics;
  db::PeriodicJob a(options, [&](const common::StopSignal&) { return overlap.Round(); });
  db::PeriodicJob b(options, [&](const common::StopSignal&) { return overlap.Round(); });
  a.Start();
  b.Start();
  for (int i = 0; i < 400 && overlap.most < 2; ++i) {
    std::this_thread::sleep_for(milliseconds(10));
  }
  a.Stop();
  b.Stop();
  CHECK(overlap.most.load() == 2);
  CHECK(metrics.CounterValue("kutse_job_skipped_total", {{"job", name}}) == 0);
}

TEST_CASE("a replica skips the round while another holds the lock, and runs once it is given back", "[db]") {
  db::Pool pool_a(TwoConnections());
  db::Pool pool_b(TwoConnections());
  common::MetricsRegistry metrics;
  const std::string name = testing::UniqueName("held");
  db::PeriodicJobOptions options{name, std::chrono::hours(1)};
  options.metrics = &metrics;
  options.single_runner = &pool_a;
  Gate gate;
  db::PeriodicJob a(options, [&](const common::StopSignal&) {
    gate.Enter();
    return common::Internal(
        common::Msg("common.ok_without_value"));  // fails, and gives the lock back all the same
  });
  options.single_runner = &pool_b;
  db::PeriodicJob b(options, [&](const common::StopSignal&) { return common::OkStatus(); });

  std::thread round_a([&] { CHECK(a.RunNow() == db::RoundOutcome::kFailed); });
  REQUIRE(gate.AwaitEntered());
  CHECK(b.RunNow() == db::RoundOutcome::kSkipped);
  gate.Open();
  round_a.join();
  CHECK(b.RunNow() == db::RoundOutcome::kSucceeded);
  CHECK(metrics.CounterValue("kutse_job_skipped_total", {{"job", name}}) == 1);
  CHECK(metrics.CounterValue("kutse_job_failures_total", {{"job", name}}) == 1);
  // The lock went back with the connection to pool_a, not left behind in it: a third replica gets it.
  db::Pool pool_c(TwoConnections());
  options.single_runner = &pool_c;
  db::PeriodicJob c(options, [&](const common::StopSignal&) { return common::OkStatus(); });
  CHECK(c.RunNow() == db::RoundOutcome::kSucceeded);
}

TEST_CASE("a replica whose database is unreachable counts a failed round and goes on", "[db]") {
  db::Pool unreachable(
      db::PoolOptions{"host=127.0.0.1 port=1 dbname=kutse connect_timeout=2", 1, milliseconds(1000), {}});
  common::MetricsRegistry metrics;
  const std::string name = testing::UniqueName("unreachable");
  db::PeriodicJobOptions options{name, std::chrono::hours(1)};
  options.metrics = &metrics;
  options.single_runner = &unreachable;
  std::atomic<int> rounds{0};
  db::PeriodicJob job(options, [&](const common::StopSignal&) {
    ++rounds;
    return common::OkStatus();
  });
  CHECK(job.RunNow() == db::RoundOutcome::kFailed);
  CHECK(job.RunNow() == db::RoundOutcome::kFailed);
  CHECK(rounds.load() == 0);
  CHECK(metrics.CounterValue("kutse_job_failures_total", {{"job", name}}) == 2);
}
