// Runs app::ExpireDue (valid certificates whose valid-until has passed expire by themselves) on a
// background thread in every replica; rows are taken FOR UPDATE SKIP LOCKED, so replicas share the
// work and none expires a certificate twice.
#pragma once

#include <atomic>
#include <chrono>
#include <thread>

#include "kutse/common/clock.hpp"
#include "kutse/db/pool.hpp"

namespace kutse::certificate {

class ExpiryJob {
 public:
  ExpiryJob(db::Pool& pool, const common::Clock& clock, std::chrono::milliseconds interval)
      : pool_(pool), clock_(clock), interval_(interval) {}
  ~ExpiryJob();

  void Start();
  void Stop();
  int RunOnce();  // how many certificates it expired

 private:
  db::Pool& pool_;
  const common::Clock& clock_;
  std::chrono::milliseconds interval_;
  std::atomic<bool> running_{false};
  std::thread thread_;
};

}  // namespace kutse::certificate
