#include "jobs/expiry_job.hpp"

#include "db/certificate_repository.hpp"
#include "events/certificate_status_changed.hpp"
#include "kutse/bus/outbox.hpp"
#include "kutse/common/interruptible_sleep.hpp"
#include "kutse/common/log.hpp"
#include "kutse/common/metrics.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::certificate {
namespace {

constexpr int kBatch = 500;
constexpr const char* kSystem = "system";

}  // namespace

ExpiryJob::~ExpiryJob() {
  Stop();
}

int ExpiryJob::RunOnce() {
  return pool_.Transaction([&](pqxx::work& work) {
    CertificateRepository repository(work);
    auto expired = repository.ExpireDue(kBatch);
    std::string now = common::FormatTimestamp(std::chrono::system_clock::now());
    for (const auto& record : expired) {
      repository.AddHistory(record.number, kSystem, "expired", std::nullopt, {{"status", "valid"}},
                            {{"status", "expired"}});
      bus::EnqueueEvent(work, "certificate",
                        CertificateStatusChangedEvent(record, CertificateStatus::kValid, kSystem, now, ""));
    }
    return static_cast<int>(expired.size());
  });
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
