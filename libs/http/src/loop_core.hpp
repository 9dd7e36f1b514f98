// What every IoLoop shares, whatever polls its file descriptors: the watched descriptors and their
// callbacks (touched only on the loop's thread) and the queue of posted tasks with the eventfd that
// wakes the loop for them (the only part other threads touch). Private to kutse_http.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace kutse::http {

class LoopCore {
 public:
  LoopCore();  // throws std::runtime_error when no eventfd can be made
  ~LoopCore();
  LoopCore(const LoopCore&) = delete;
  LoopCore& operator=(const LoopCore&) = delete;

  // Readable when tasks are queued; the owner polls it and calls RunPosted().
  int WakeFd() const { return wake_fd_; }
  void Post(std::function<void()> task);
  void RunPosted();
  void DropPosted();

  void Defer(std::function<void()> task) { deferred_.push_back(std::move(task)); }
  // At the end of each turn of the loop.
  void RunDeferred();

  void Watch(int fd, std::function<void()> on_readable);
  void Unwatch(int fd);
  // Runs the callback of `fd` if it is watched; false when it is not.
  bool Dispatch(int fd);

 private:
  int wake_fd_ = -1;
  std::mutex mutex_;
  std::deque<std::function<void()>> posted_;
  std::vector<std::function<void()>> deferred_;  // the loop's own thread only
  // shared_ptr: a callback may unwatch its own descriptor while it runs.
  std::unordered_map<int, std::shared_ptr<std::function<void()>>> watched_;
};

}  // namespace kutse::http
