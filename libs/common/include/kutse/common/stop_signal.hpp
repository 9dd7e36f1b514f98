// A stop request that background threads wait on: a wait ends the moment stopping is asked for,
// instead of sleeping in small steps and looking at a flag in between.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace kutse::common {

class StopSignal {
 public:
  // Wakes every waiter; later waits return at once.
  void Request() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requested_ = true;
    }
    changed_.notify_all();
  }
  // Before the owner starts again.
  void Reset() {
    std::lock_guard<std::mutex> lock(mutex_);
    requested_ = false;
  }
  bool Requested() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requested_;
  }
  // Waits up to `timeout`; true when stopping was asked for, before or during the wait.
  template <typename Rep, typename Period>
  bool WaitFor(std::chrono::duration<Rep, Period> timeout) const {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return requested_; });
  }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  bool requested_ = false;
};

}  // namespace kutse::common
