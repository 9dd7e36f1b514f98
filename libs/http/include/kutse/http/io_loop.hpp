// The event loop of one thread, for work that should stay on the thread that received a request
// (the gateway's upstream calls): watch a file descriptor and be called back on that same thread,
// or post a task to it from any other thread. On a 2-core machine every hand-off between threads
// costs a context switch; staying on the I/O thread costs none.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

namespace kutse::http {

class IoLoop {
 public:
  IoLoop();
  virtual ~IoLoop() = default;
  IoLoop(const IoLoop&) = delete;
  IoLoop& operator=(const IoLoop&) = delete;

  // Unique for the process's life: tells a loop from an earlier one at the same address.
  uint64_t Id() const { return id_; }

  // The loop of the calling thread: one of the server's I/O threads or an EventLoop's thread.
  // Null on any other thread (the worker pool, main).
  static IoLoop* Current();

  // Level-triggered: `on_readable` runs on this loop's thread while `fd` is readable. Watch and
  // Unwatch only from this loop's own thread; the fd stays the caller's to close (after Unwatch).
  virtual void Watch(int fd, std::function<void()> on_readable) = 0;
  virtual void Unwatch(int fd) = 0;
  // Thread-safe: `task` runs soon on this loop's thread. Tasks still queued when the loop stops
  // are dropped unrun.
  virtual void Post(std::function<void()> task) = 0;
  // From this loop's own thread: `task` runs once the events of the current turn are handled, so
  // work for many connections can go out together (the gateway sends its upstream requests so).
  virtual void Defer(std::function<void()> task) = 0;

 protected:
  // Each loop calls this on its own thread before it runs any callback.
  static void SetCurrent(IoLoop* loop);

 private:
  uint64_t id_;
};

// A loop on a thread of its own (epoll), for code that has no server I/O thread to run on.
class EventLoop : public IoLoop {
 public:
  EventLoop();
  ~EventLoop() override;  // stops the thread; queued tasks are dropped

  void Watch(int fd, std::function<void()> on_readable) override;
  void Unwatch(int fd) override;
  void Post(std::function<void()> task) override;
  void Defer(std::function<void()> task) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kutse::http
