#include "jobs/expiry_job.hpp"

#include "app/expire_due_certificates.hpp"
#include "kutse/common/metrics.hpp"

namespace kutse::certificate {
namespace {

constexpr int kBatch = 500;

}  // namespace

ExpiryJob::ExpiryJob(db::Pool& pool, const common::Clock& clock, std::chrono::milliseconds interval)
    : pool_(pool),
      clock_(clock),
      runner_(db::PeriodicJobOptions{"certificate_expiry", interval},
              [this](const common::StopSignal& stop) { return Round(stop); }) {}

int ExpiryJob::RunOnce() {
  return common::ValueOrThrow(
      pool_.Transaction([&](pqxx::work& work) { return app::ExpireDue(work, clock_, kBatch); }));
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
