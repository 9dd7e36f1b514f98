#include "jobs/expiry_job.hpp"

#include "db/certificate_repository.hpp"
#include "events/certificate_status_changed.hpp"
#include "kutse/bus/outbox.hpp"
#include "kutse/common/metrics.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::certificate {
namespace {

constexpr int kBatch = 500;
constexpr const char* kSystem = "system";

}  // namespace

ExpiryJob::ExpiryJob(db::Pool& pool, std::chrono::milliseconds interval)
    : pool_(pool),
      runner_(db::PeriodicJobOptions{"certificate_expiry", interval},
              [this](const common::StopSignal& stop) { return Round(stop); }) {}

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

common::Status ExpiryJob::Round(const common::StopSignal& stop) {
  int expired = 0;
  do {
    expired = RunOnce();
    common::MetricsRegistry::Default().Increment("certificates_expired_total", {}, expired);
  } while (expired == kBatch && !stop.Requested());
  return common::OkStatus();
}

void ExpiryJob::Start() {
  common::MetricsRegistry::Default().Describe("certificates_expired_total", "counter",
                                              "Certificates that expired by themselves");
  runner_.Start();
}

void ExpiryJob::Stop() {
  runner_.Stop();
}

}  // namespace kutse::certificate
