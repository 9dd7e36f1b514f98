#include "kutse/http/io_loop.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "kutse/common/log.hpp"
#include "loop_core.hpp"

namespace kutse::http {
namespace {

thread_local IoLoop* t_current = nullptr;
std::atomic<uint64_t> next_loop_id{1};

}  // namespace

IoLoop::IoLoop() : id_(next_loop_id.fetch_add(1)) {}

IoLoop* IoLoop::Current() {
  return t_current;
}

void IoLoop::SetCurrent(IoLoop* loop) {
  t_current = loop;
}

// ---------------------------------------------------------------------------------------------
// LoopCore

LoopCore::LoopCore() : wake_fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
  if (wake_fd_ < 0) {
    throw std::runtime_error("cannot create an eventfd for an I/O loop");
  }
}

LoopCore::~LoopCore() {
  close(wake_fd_);
}

void LoopCore::Post(std::function<void()> task) {
  bool was_empty = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    was_empty = posted_.empty();
    posted_.push_back(std::move(task));
  }
  if (was_empty) {  // otherwise a wake-up is already on its way
    uint64_t one = 1;
    ssize_t ignored = write(wake_fd_, &one, sizeof one);
    (void)ignored;
  }
}

void LoopCore::RunPosted() {
  uint64_t count = 0;
  ssize_t ignored = read(wake_fd_, &count, sizeof count);
  (void)ignored;
  std::deque<std::function<void()>> tasks;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks.swap(posted_);
  }
  for (auto& task : tasks) {
    try {
      task();
    } catch (const std::exception& error) {
      common::log::Error("a task posted to an I/O loop failed", {{"error", error.what()}});
    }
  }
}

void LoopCore::DropPosted() {
  std::lock_guard<std::mutex> lock(mutex_);
  posted_.clear();
}

void LoopCore::RunDeferred() {
  // A deferred task may defer more: those run in this same round, after it.
  for (size_t i = 0; i < deferred_.size(); ++i) {
    auto task = std::move(deferred_[i]);
    try {
      task();
    } catch (const std::exception& error) {
      common::log::Error("a deferred I/O loop task failed", {{"error", error.what()}});
    }
  }
  deferred_.clear();
}

void LoopCore::Watch(int fd, std::function<void()> on_readable) {
  watched_[fd] = std::make_shared<std::function<void()>>(std::move(on_readable));
}

void LoopCore::Unwatch(int fd) {
  watched_.erase(fd);
}

bool LoopCore::Dispatch(int fd) {
  auto found = watched_.find(fd);
  if (found == watched_.end()) {
    return false;
  }
  auto callback = found->second;  // stays alive even if it unwatches itself
  try {
    (*callback)();
  } catch (const std::exception& error) {
    common::log::Error("an I/O loop callback failed", {{"error", error.what()}});
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// EventLoop

struct EventLoop::Impl {
  LoopCore core;
  int epoll_fd = -1;
  std::atomic<bool> running{true};
  std::thread thread;

  void Add(int fd) const {
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = fd;
    if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event) != 0) {
      throw std::runtime_error("cannot watch a file descriptor");
    }
  }

  void Run(IoLoop* self) {
    SetCurrentOf(self);
    constexpr int kMaxEvents = 64;
    epoll_event events[kMaxEvents];
    while (running) {
      int ready = epoll_wait(epoll_fd, events, kMaxEvents, 1000);
      for (int i = 0; i < ready && running; ++i) {
        if (events[i].data.fd == core.WakeFd()) {
          core.RunPosted();
        } else {
          core.Dispatch(events[i].data.fd);
        }
      }
      core.RunDeferred();
    }
  }

  static void SetCurrentOf(IoLoop* loop) { t_current = loop; }
};

EventLoop::EventLoop() : impl_(std::make_unique<Impl>()) {
  impl_->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  if (impl_->epoll_fd < 0) {
    throw std::runtime_error("cannot create an epoll set for an event loop");
  }
  impl_->Add(impl_->core.WakeFd());
  impl_->thread = std::thread([this] { impl_->Run(this); });
}

EventLoop::~EventLoop() {
  impl_->running = false;
  impl_->core.Post([] {});  // wakes the thread if it waits
  if (impl_->thread.joinable()) {
    impl_->thread.join();
  }
  impl_->core.DropPosted();
  close(impl_->epoll_fd);
}

void EventLoop::Watch(int fd, std::function<void()> on_readable) {
  impl_->core.Watch(fd, std::move(on_readable));
  impl_->Add(fd);
}

void EventLoop::Unwatch(int fd) {
  epoll_ctl(impl_->epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
  impl_->core.Unwatch(fd);
}

void EventLoop::Post(std::function<void()> task) {
  impl_->core.Post(std::move(task));
}

void EventLoop::Defer(std::function<void()> task) {
  impl_->core.Defer(std::move(task));
}

}  // namespace kutse::http
