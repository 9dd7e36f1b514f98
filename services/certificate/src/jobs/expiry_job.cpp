#include "jobs/expiry_job.hpp"

#include "app/expire_due_certificates.hpp"
#include "app/remind_expiring_certificates.hpp"
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

int ExpiryJob::RemindOnce() {
  return common::ValueOrThrow(
      pool_.Transaction([&](pqxx::work& work) { return app::RemindExpiring(work, clock_, kBatch); }));
}

common::Status ExpiryJob::Round(const common::StopSignal& stop) {
  int expired = 0;
  do {
    expired = RunOnce();
    common::MetricsRegistry::Default().Increment("certificates_expired_total", {}, expired);
  } while (expired == kBatch && !stop.Requested());
  // Expired first, so a certificate past its end is never reminded of.
  int reminded = 0;
  do {
    reminded = RemindOnce();
    common::MetricsRegistry::Default().Increment("certificates_expiry_reminded_total", {}, reminded);
  } while (reminded == kBatch && !stop.Requested());
  return common::OkStatus();
}

void ExpiryJob::Start() {
  common::MetricsRegistry::Default().Describe("certificates_expired_total", "counter",
                                              "Certificates that expired by themselves");
  common::MetricsRegistry::Default().Describe(
      "certificates_expiry_reminded_total", "counter",
      "Certificates whose holders were told their validity ends within 6 months");
  runner_.Start();
}

void ExpiryJob::Stop() {
  runner_.Stop();
}

}  // namespace kutse::certificate
