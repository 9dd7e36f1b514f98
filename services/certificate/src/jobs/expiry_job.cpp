#include "jobs/expiry_job.hpp"

#include "app/expire_due_certificates.hpp"
#include "kutse/common/interruptible_sleep.hpp"
#include "kutse/common/log.hpp"
#include "kutse/common/metrics.hpp"

namespace kutse::certificate {
namespace {

constexpr int kBatch = 500;

}  // namespace

ExpiryJob::~ExpiryJob() {
  Stop();
}

int ExpiryJob::RunOnce() {
  return common::ValueOrThrow(
      pool_.Transaction([&](pqxx::work& work) { return app::ExpireDue(work, clock_, kBatch); }));
}

void ExpiryJob::Start() {
  running_ = true;
  common::MetricsRegistry::Default().Describe("certificates_expired_total", "counter",
                                              "Certificates that expired by themselves");
  thread_ = std::thread([this] {
    while (running_) {
      try {
        int expired = 0;
        do {
          expired = RunOnce();
          common::MetricsRegistry::Default().Increment("certificates_expired_total", {}, expired);
        } while (expired == kBatch && running_);
      } catch (const std::exception& error) {
        common::log::Warn("expiry job failed; will try again", {{"error", error.what()}});
      }
      common::SleepWhileRunning(running_, interval_);
    }
  });
}

void ExpiryJob::Stop() {
  running_ = false;
  if (thread_.joinable()) {
    thread_.join();
  }
}

}  // namespace kutse::certificate
