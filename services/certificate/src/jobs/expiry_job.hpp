// Valid certificates whose valid-until has passed become expired by themselves. A periodic job
// (db::PeriodicJob) in every replica, a round every KUTSE_EXPIRY_INTERVAL_MS give or take a tenth;
// rows are taken FOR UPDATE SKIP LOCKED, so replicas share the work and none expires a certificate
// twice. Each expiry writes history and an event in the same transaction.
#pragma once

#include <chrono>

#include "kutse/db/periodic_job.hpp"
#include "kutse/db/pool.hpp"

namespace kutse::certificate {

class ExpiryJob {
 public:
  ExpiryJob(db::Pool& pool, std::chrono::milliseconds interval);

  void Start();
  void Stop();
  int RunOnce();  // how many certificates it expired

 private:
  // Batches until fewer than a batch were due, or stopping is asked for.
  common::Status Round(const common::StopSignal& stop);

  db::Pool& pool_;
  db::PeriodicJob runner_;
};

}  // namespace kutse::certificate
