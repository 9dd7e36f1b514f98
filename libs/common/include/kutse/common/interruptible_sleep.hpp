// Sleeping in small steps, so that stopping a background thread is not held up by a long wait.
#pragma once

#include <atomic>
#include <chrono>
#include <thread>

namespace kutse::common {

inline void SleepWhileRunning(const std::atomic<bool>& running, std::chrono::milliseconds total) {
  auto until = std::chrono::steady_clock::now() + total;
  while (running.load() && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace kutse::common
