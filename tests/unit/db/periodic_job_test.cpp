// The periodic job without a database: pauses, failing rounds, stopping. The single-runner lock is
// in tests/integration/periodic_job_lock_test.cpp.
#include "kutse/db/periodic_job.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>

using namespace kutse;
using std::chrono::milliseconds;

namespace {

// Waits (for at most a minute, so that a broken job fails the test instead of hanging it) until
// `done` holds.
class Progress {
 public:
  void Step() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++steps_;
    }
    changed_.notify_all();
  }
  bool AwaitAtLeast(int steps) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, std::chrono::minutes(1), [&] { return steps_ >= steps; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int steps_ = 0;
};

}  // namespace

TEST_CASE("a pause is the interval give or take the jitter, never zero") {
  CHECK(db::JitteredPause(milliseconds(1000), 0.1, 0.0) == milliseconds(900));
  CHECK(db::JitteredPause(milliseconds(1000), 0.1, 0.5) == milliseconds(1000));
  CHECK(db::JitteredPause(milliseconds(1000), 0.1, 0.999) == milliseconds(1099));
  CHECK(db::JitteredPause(milliseconds(1000), 0.0, 0.9) == milliseconds(1000));
  CHECK(db::JitteredPause(milliseconds(10), 1.0, 0.0) == milliseconds(1));
}

TEST_CASE("a failing round is counted and the job goes on with the next one") {
  common::MetricsRegistry metrics;
  common::FakeClock clock(std::chrono::system_clock::time_point(std::chrono::seconds(1800000000)));
  Progress progress;
  std::atomic<int> round{0};
  db::PeriodicJobOptions options{"flaky", milliseconds(1)};
  options.clock = &clock;
  options.metrics = &metrics;
  db::PeriodicJob job(options, [&](const common::StopSignal&) {
    int this_round = ++round;
    progress.Step();
    switch (this_round) {
      case 1:
        return common::Unavailable(common::Msg("common.ok_without_value"));
      case 2:
        throw common::StatusError(common::Internal(common::Msg("common.ok_without_value")));
      case 3:
        throw std::runtime_error("connection reset");
      default:
        return common::OkStatus();
    }
  });
  job.Start();
  REQUIRE(progress.AwaitAtLeast(5));
  job.Stop();
  const common::Labels labels = {{"job", "flaky"}};
  CHECK(metrics.CounterValue("kutse_job_failures_total", labels) == 3);
  CHECK(metrics.CounterValue("kutse_job_runs_total", labels) == round.load());
  CHECK(metrics.CounterValue("kutse_job_last_success_timestamp_seconds", labels) == 1800000000.0);
  CHECK(metrics.Render().find("kutse_job_duration_seconds_count{job=\"flaky\"} " +
                              std::to_string(round.load())) != std::string::npos);
}

TEST_CASE("stopping ends a long pause at once") {
  common::MetricsRegistry metrics;
  Progress progress;
  db::PeriodicJobOptions options{"hourly", std::chrono::hours(1)};
  options.metrics = &metrics;
  db::PeriodicJob job(options, [&](const common::StopSignal&) {
    progress.Step();
    return common::OkStatus();
  });
  job.Start();
  REQUIRE(progress.AwaitAtLeast(1));  // the first round comes at once, then an hour's pause
  auto asked = std::chrono::steady_clock::now();
  job.Stop();
  CHECK(std::chrono::steady_clock::now() - asked < milliseconds(500));
  CHECK(metrics.CounterValue("kutse_job_runs_total", {{"job", "hourly"}}) == 1);
}

TEST_CASE("a round under way sees the stop signal and can end between batches") {
  common::MetricsRegistry metrics;
  Progress progress;
  std::atomic<int> batches{0};
  db::PeriodicJobOptions options{"batches", std::chrono::hours(1)};
  options.metrics = &metrics;
  db::PeriodicJob job(options, [&](const common::StopSignal& stop) {
    while (!stop.WaitFor(milliseconds(5))) {  // a batch, then look again
      ++batches;
      progress.Step();
    }
    return common::OkStatus();
  });
  job.Start();
  REQUIRE(progress.AwaitAtLeast(3));
  auto asked = std::chrono::steady_clock::now();
  job.Stop();
  CHECK(std::chrono::steady_clock::now() - asked < milliseconds(500));
  int after_stop = batches.load();
  std::this_thread::sleep_for(milliseconds(30));
  CHECK(batches.load() == after_stop);
}

TEST_CASE("a job without a name, round or interval is refused at once") {
  auto ok = [](const common::StopSignal&) { return common::OkStatus(); };
  CHECK_THROWS_AS(db::PeriodicJob(db::PeriodicJobOptions{"", milliseconds(10)}, ok), std::invalid_argument);
  CHECK_THROWS_AS(db::PeriodicJob(db::PeriodicJobOptions{"x", milliseconds(0)}, ok), std::invalid_argument);
  CHECK_THROWS_AS(db::PeriodicJob(db::PeriodicJobOptions{"x", milliseconds(10)}, nullptr),
                  std::invalid_argument);
  db::PeriodicJobOptions jitter{"x", milliseconds(10)};
  jitter.jitter = 1.5;
  CHECK_THROWS_AS(db::PeriodicJob(jitter, ok), std::invalid_argument);
}
