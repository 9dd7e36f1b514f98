// Runs one function of a service again and again in a thread of its own: a round, then a pause of
// the interval give or take a random jitter (so that replicas started together drift apart), until
// stopped. A failing round is logged at warn and counted, and the next one comes all the same.
// Optionally only one replica runs a round at a time: the round holds a PostgreSQL advisory lock, and
// a replica that finds it taken skips that round. It lives in libs/db, not libs/runtime, because that
// lock is PostgreSQL's and the jobs are the database's (expiry, reminders, clean-ups); libs/runtime
// would drag HTTP and AMQP into every user.
//
// Metrics by job name: kutse_job_runs_total, kutse_job_failures_total, kutse_job_skipped_total,
// kutse_job_duration_seconds (histogram) and kutse_job_last_success_timestamp_seconds.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <thread>

#include "kutse/common/clock.hpp"
#include "kutse/common/metrics.hpp"
#include "kutse/common/status.hpp"
#include "kutse/common/stop_signal.hpp"
#include "kutse/db/pool.hpp"

namespace kutse::db {

struct PeriodicJobOptions {
  std::string name;  // in logs, metrics and the advisory lock's key: the same in every replica
  std::chrono::milliseconds interval{60000};
  double jitter = 0.1;  // each pause is interval × (1 ± jitter), uniformly; 0 to 1
  // When set, a round runs only while it holds the advisory lock hashtext('kutse_job:' || name),
  // taken on one of this pool's connections for the length of the round (so the round itself needs
  // another one). Should that connection drop mid-round the lock goes with it, so a round must still
  // be safe to overlap in that rare case (FOR UPDATE SKIP LOCKED, idempotent writes).
  Pool* single_runner = nullptr;
  const common::Clock* clock = nullptr;        // stamps the last success; SystemClock when null
  common::MetricsRegistry* metrics = nullptr;  // MetricsRegistry::Default() when null
  std::uint64_t seed = 0;                      // of the jitter; 0 takes one from std::random_device
};

enum class RoundOutcome { kSucceeded, kFailed, kSkipped };

class PeriodicJob {
 public:
  // A round may look at the stop signal to end early between batches; it returns a Status or throws,
  // and either way the job goes on.
  using Round = std::function<common::Status(const common::StopSignal& stop)>;

  PeriodicJob(PeriodicJobOptions options, Round round);
  ~PeriodicJob();  // stops
  PeriodicJob(const PeriodicJob&) = delete;
  PeriodicJob& operator=(const PeriodicJob&) = delete;

  // The first round at once, then one after every pause.
  void Start();
  // Ends a pause at once; a round under way is waited for (it sees the stop signal).
  void Stop();
  // One round on the calling thread, under the lock when single_runner is set.
  RoundOutcome RunNow();

  const std::string& Name() const { return options_.name; }

 private:
  void Loop();
  bool TryRound(Pool& pool, RoundOutcome& outcome);
  RoundOutcome Run();

  PeriodicJobOptions options_;
  Round round_;
  common::StopSignal stop_;
  std::mt19937_64 random_;
  std::thread thread_;
};

// The pause after a round: interval × (1 + jitter × (2u − 1)) for u in [0, 1), never below 1 ms.
std::chrono::milliseconds JitteredPause(std::chrono::milliseconds interval, double jitter, double u);

}  // namespace kutse::db
