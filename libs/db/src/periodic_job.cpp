#include "kutse/db/periodic_job.hpp"

#include <algorithm>
#include <stdexcept>

#include "kutse/common/log.hpp"

namespace kutse::db {
namespace {

constexpr const char* kRuns = "kutse_job_runs_total";
constexpr const char* kFailures = "kutse_job_failures_total";
constexpr const char* kSkipped = "kutse_job_skipped_total";
constexpr const char* kDuration = "kutse_job_duration_seconds";
constexpr const char* kLastSuccess = "kutse_job_last_success_timestamp_seconds";

// The same text as the migrations' lock, with a prefix of its own, so the two never share a key.
constexpr const char* kTryLock = "SELECT pg_try_advisory_lock(hashtext('kutse_job:' || $1))";
constexpr const char* kUnlock = "SELECT pg_advisory_unlock(hashtext('kutse_job:' || $1))";

}  // namespace

std::chrono::milliseconds JitteredPause(std::chrono::milliseconds interval, double jitter, double u) {
  double factor = 1.0 + jitter * (2.0 * u - 1.0);
  auto pause = static_cast<long long>(static_cast<double>(interval.count()) * factor);
  return std::chrono::milliseconds(std::max(1LL, pause));
}

PeriodicJob::PeriodicJob(PeriodicJobOptions options, Round round)
    : options_(std::move(options)), round_(std::move(round)) {
  if (options_.name.empty() || options_.interval.count() <= 0 || options_.jitter < 0 || options_.jitter > 1 ||
      !round_) {
    throw std::invalid_argument(
        "a periodic job needs a name, a round, an interval above 0 and a jitter of 0 to 1");
  }
  if (options_.clock == nullptr) {
    options_.clock = &common::SystemClock::Instance();
  }
  if (options_.metrics == nullptr) {
    options_.metrics = &common::MetricsRegistry::Default();
  }
  random_.seed(options_.seed != 0 ? options_.seed
                                  : (std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}());
  auto& metrics = *options_.metrics;
  metrics.Describe(kRuns, "counter", "Rounds of a background job that ran");
  metrics.Describe(kFailures, "counter", "Rounds of a background job that failed (logged at warn)");
  metrics.Describe(kSkipped, "counter", "Rounds a replica skipped because another one held the job's lock");
  metrics.Describe(kDuration, "histogram", "How long a round of a background job took");
  metrics.Describe(kLastSuccess, "gauge", "When a round of a background job last succeeded (Unix time)");
}

PeriodicJob::~PeriodicJob() {
  Stop();
}

void PeriodicJob::Start() {
  if (thread_.joinable()) {
    return;
  }
  stop_.Reset();
  thread_ = std::thread([this] { Loop(); });
}

void PeriodicJob::Stop() {
  stop_.Request();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void PeriodicJob::Loop() {
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  while (!stop_.Requested()) {
    RunNow();
    if (stop_.WaitFor(JitteredPause(options_.interval, options_.jitter, uniform(random_)))) {
      break;
    }
  }
}

RoundOutcome PeriodicJob::RunNow() {
  if (options_.single_runner == nullptr) {
    return Run();
  }
  RoundOutcome outcome = RoundOutcome::kSkipped;
  bool locked = false;
  try {
    options_.single_runner->Read(
        [&](pqxx::nontransaction& lock) {
          locked = lock.exec_params1(kTryLock, options_.name)[0].as<bool>();
          if (!locked) {
            return;
          }
          outcome = Run();
          try {
            lock.exec_params(kUnlock, options_.name);
          } catch (const std::exception&) {
            // A pooled connection must never go back holding the lock: closing it gives the lock back.
            throw pqxx::broken_connection("the job's advisory lock was not given back");
          }
        },
        1);
  } catch (const std::exception& error) {
    if (!locked) {
      options_.metrics->Increment(kFailures, {{"job", options_.name}});
      common::log::Warn("background job could not try its lock; will try again",
                        {{"job", options_.name}, {"error", error.what()}});
      return RoundOutcome::kFailed;
    }
    common::log::Warn("background job lost the connection of its lock after a round",
                      {{"job", options_.name}, {"error", error.what()}});
  }
  if (outcome == RoundOutcome::kSkipped) {
    options_.metrics->Increment(kSkipped, {{"job", options_.name}});
  }
  return outcome;
}

RoundOutcome PeriodicJob::Run() {
  const common::Labels labels = {{"job", options_.name}};
  auto started = options_.clock->Monotonic();
  common::Status status;
  std::string error;
  try {
    status = round_(stop_);
  } catch (const common::StatusError& thrown) {
    status = thrown.status();
  } catch (const std::exception& thrown) {
    error = thrown.what();
  }
  auto& metrics = *options_.metrics;
  metrics.Increment(kRuns, labels);
  metrics.Observe(kDuration, labels,
                  std::chrono::duration<double>(options_.clock->Monotonic() - started).count());
  if (error.empty() && status.ok()) {
    metrics.SetGauge(kLastSuccess, labels,
                     std::chrono::duration<double>(options_.clock->Now().time_since_epoch()).count());
    return RoundOutcome::kSucceeded;
  }
  metrics.Increment(kFailures, labels);
  nlohmann::json fields = {{"job", options_.name}};
  if (!error.empty()) {
    fields["error"] = error;
  } else {
    fields["code"] = common::ToString(status.code());
    fields["message"] = status.message().key;
  }
  common::log::Warn("background job round failed; the next one comes as planned", fields);
  return RoundOutcome::kFailed;
}

}  // namespace kutse::db
