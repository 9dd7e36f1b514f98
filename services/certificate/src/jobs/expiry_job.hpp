// Valid certificates whose valid-until has passed become expired by themselves. A background
// thread in every replica; rows are taken FOR UPDATE SKIP LOCKED, so replicas share the work and
// none expires a certificate twice. Each expiry writes history and an event in the same transaction.
#pragma once

#include <atomic>
#include <chrono>
#include <thread>

#include "kutse/db/pool.hpp"

namespace kutse::certificate {

class ExpiryJob {
 public:
  ExpiryJob(db::Pool& pool, std::chrono::milliseconds interval) : pool_(pool), interval_(interval) {}
  ~ExpiryJob();

  void Start();
  void Stop();
  int RunOnce();  // how many certificates it expired

 private:
  db::Pool& pool_;
  std::chrono::milliseconds interval_;
  std::atomic<bool> running_{false};
  std::thread thread_;
};

}  // namespace kutse::certificate
