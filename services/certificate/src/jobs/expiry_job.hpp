// Runs app::ExpireDue (valid certificates whose valid-until has passed expire by themselves), then
// app::RemindExpiring (the 6-month reminders, ADR 0010), as a periodic job (db::PeriodicJob) in every
// replica, a round every KUTSE_EXPIRY_INTERVAL_MS give or take a tenth; rows are taken FOR UPDATE SKIP
// LOCKED, so replicas share the work and none expires, or reminds of, a certificate twice.
#pragma once

#include <chrono>

#include "kutse/common/clock.hpp"
#include "kutse/db/periodic_job.hpp"
#include "kutse/db/pool.hpp"

namespace kutse::certificate {

class ExpiryJob {
 public:
  ExpiryJob(db::Pool& pool, const common::Clock& clock, std::chrono::milliseconds interval);

  void Start();
  void Stop();
  int RunOnce();     // how many certificates it expired
  int RemindOnce();  // how many got their 6-month reminder (ADR 0010)

 private:
  // Batches until fewer than a batch were due, or stopping is asked for.
  common::Status Round(const common::StopSignal& stop);

  db::Pool& pool_;
  const common::Clock& clock_;
  db::PeriodicJob runner_;
};

}  // namespace kutse::certificate
