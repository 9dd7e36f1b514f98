#include "proxy/upstream_client.hpp"

#include <curl/curl.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "kutse/common/log.hpp"
#include "kutse/http/io_loop.hpp"

namespace kutse::gateway {
namespace {

constexpr size_t kMaxResponseBytes = 32 * 1024 * 1024;
// How often in a row curl may ask to be run again at once before the timer takes over.
constexpr int kMaxImmediateRuns = 8;

struct Transfer {
  UpstreamRequest request;
  UpstreamClient::Done done;
  UpstreamResponse response;
  curl_slist* headers = nullptr;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  size_t bytes = size * count;
  if (transfer->response.body.size() + bytes > kMaxResponseBytes) {
    return 0;  // aborts the transfer: an upstream never answers this large
  }
  transfer->response.body.append(data, bytes);
  return bytes;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  size_t bytes = size * count;
  if (bytes >= 5 && std::equal(data, data + 5, "HTTP/")) {
    transfer->response.headers.clear();  // a new status line (after 100 Continue) starts over
    return bytes;
  }
  const char* begin = data;
  const char* end = begin + bytes;
  const char* colon = std::find(begin, end, ':');
  if (colon == end) {
    return bytes;  // the blank line after the headers
  }
  std::string name(begin, colon);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const char* start = colon + 1;
  while (start < end && *start == ' ') {
    ++start;
  }
  while (end > start && (end[-1] == '\r' || end[-1] == '\n')) {
    --end;
  }
  transfer->response.headers.emplace_back(std::move(name), std::string(start, end));
  return bytes;
}

// Tells a thread's cached engine apart from an engine of an earlier client at the same address.
std::atomic<uint64_t> next_client_id{1};

// One curl multi handle on one I/O loop. Its sockets sit in an epoll set of their own, which the
// loop watches as one descriptor; curl's timeouts come from a timerfd the loop watches too.
// Everything here runs on the loop's thread.
class Engine {
 public:
  Engine(http::IoLoop& loop, long max_connections_per_host) : loop_(loop), loop_id_(loop.Id()) {
    multi_ = curl_multi_init();
    epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    timer_fd_ = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (multi_ == nullptr || epoll_fd_ < 0 || timer_fd_ < 0) {
      throw std::runtime_error("cannot set up the upstream client");
    }
    curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, OnSocket);
    curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, OnTimer);
    curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS, max_connections_per_host);
    curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, max_connections_per_host * 8);
    loop_.Watch(epoll_fd_, [this] { SocketsReady(); });
    loop_.Watch(timer_fd_, [this] { TimerExpired(); });
  }

  // Only once the loop no longer runs (its callbacks point here).
  ~Engine() {
    for (auto& [easy, transfer] : active_) {
      curl_multi_remove_handle(multi_, easy);
      curl_slist_free_all(transfer->headers);
      curl_easy_cleanup(easy);
    }
    for (CURL* easy : idle_easies_) {
      curl_easy_cleanup(easy);
    }
    curl_multi_cleanup(multi_);
    close(epoll_fd_);
    close(timer_fd_);
  }
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Whether this engine lives on `loop` (not on an earlier loop that had the same address).
  bool RunsOn(const http::IoLoop& loop) const { return &loop_ == &loop && loop_id_ == loop.Id(); }

  void Start(std::unique_ptr<Transfer> transfer) {
    CURL* easy = nullptr;
    if (!idle_easies_.empty()) {
      easy = idle_easies_.back();
      idle_easies_.pop_back();
    } else {
      easy = curl_easy_init();
      if (easy == nullptr) {
        transfer->response.failure = UpstreamResponse::Failure::kOther;
        transfer->done(std::move(transfer->response));
        return;
      }
      ConfigureOnce(easy);
    }
    Configure(easy, *transfer);
    active_.emplace(easy, std::move(transfer));
    curl_multi_add_handle(multi_, easy);
    // Sent at the end of this turn of the loop, together with the others that arrived in it: one
    // pass through curl for all of them, and the service wakes to a batch instead of to each one.
    if (!kick_deferred_) {
      kick_deferred_ = true;
      loop_.Defer([this] {
        kick_deferred_ = false;
        RunCurl(CURL_SOCKET_TIMEOUT, 0);
      });
    }
  }

 private:
  // Sockets stay in the epoll set when curl stops caring (a kept-alive connection back in the
  // pool), so reusing the connection for the next request needs no epoll_ctl at all; one that
  // turns readable meanwhile (the service closed it) is taken out then.
  static int OnSocket(CURL*, curl_socket_t socket, int what, void* user, void*) {
    auto* engine = static_cast<Engine*>(user);
    Socket& state = engine->sockets_[socket];
    if (what == CURL_POLL_REMOVE) {
      state.wanted = 0;
      return 0;
    }
    state.wanted = (what == CURL_POLL_IN || what == CURL_POLL_INOUT ? EPOLLIN : 0u) |
                   (what == CURL_POLL_OUT || what == CURL_POLL_INOUT ? EPOLLOUT : 0u);
    engine->Register(socket, state, state.wanted);
    return 0;
  }

  // curl closes every socket it opened through this, so a descriptor number that comes back
  // belongs to a new socket and starts with no epoll state.
  static int OnCloseSocket(void* user, curl_socket_t socket) {
    static_cast<Engine*>(user)->sockets_.erase(socket);
    return close(socket);
  }

  struct Socket {
    uint32_t registered = 0;  // the events in the epoll set; 0: not in it
    uint32_t wanted = 0;      // what curl asked for; 0: nothing now
  };

  void Register(curl_socket_t socket, Socket& state, uint32_t events) {
    if (state.registered == events) {
      return;
    }
    epoll_event event{};
    event.data.fd = socket;
    event.events = events;
    if (epoll_ctl(epoll_fd_, state.registered != 0 ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, socket, &event) != 0) {
      // The descriptor was not (or no longer) in the set, or is there already: try the other way.
      epoll_ctl(epoll_fd_, state.registered != 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, socket, &event);
    }
    state.registered = events;
  }

  // Only noted here: RunCurl acts on it once curl has returned.
  static int OnTimer(CURLM*, long timeout_ms, void* user) {
    auto* engine = static_cast<Engine*>(user);
    engine->timeout_ms_ = timeout_ms;
    engine->timer_changed_ = true;
    return 0;
  }

  // What every transfer of a reused easy handle has in common: set once, when the handle is made.
  void ConfigureOnce(CURL* easy) {
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, 2000L);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(easy, CURLOPT_CLOSESOCKETFUNCTION, OnCloseSocket);
    curl_easy_setopt(easy, CURLOPT_CLOSESOCKETDATA, this);
  }

  // What differs per transfer; every option set here is set for every transfer, so nothing of
  // the handle's previous request carries over (no curl_easy_reset, which would undo ConfigureOnce).
  void Configure(CURL* easy, Transfer& transfer) {
    const UpstreamRequest& request = transfer.request;
    curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    bool get = request.method == "GET";
    bool head = request.method == "HEAD";
    if (get) {
      curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);  // also clears an earlier POST's fields
    } else if (head) {
      curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else {
      curl_easy_setopt(easy, CURLOPT_NOBODY, 0L);  // an earlier HEAD's, which would turn this into one
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    // GET and POST are curl's own words for the two above; anything else is sent as given.
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST,
                     get || request.method == "POST" ? nullptr : request.method.c_str());
    for (const auto& header : request.headers) {
      transfer.headers = curl_slist_append(transfer.headers, header.c_str());
    }
    if (!get && !head) {
      // curl would otherwise add "Expect: 100-continue" to larger bodies: one more round trip.
      transfer.headers = curl_slist_append(transfer.headers, "Expect:");
    }
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer.headers);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  }

  void SocketsReady() {
    constexpr int kMaxEvents = 64;
    epoll_event events[kMaxEvents];
    int ready = epoll_wait(epoll_fd_, events, kMaxEvents, 0);
    for (int i = 0; i < ready; ++i) {
      int socket = events[i].data.fd;
      auto found = sockets_.find(socket);
      if (found == sockets_.end() || found->second.wanted == 0) {
        // Nothing of curl's waits on it: leave it to curl's own check when it reuses the connection.
        epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, socket, nullptr);
        if (found != sockets_.end()) {
          found->second.registered = 0;
        }
        continue;
      }
      int flags = ((events[i].events & EPOLLIN) != 0 ? CURL_CSELECT_IN : 0) |
                  ((events[i].events & EPOLLOUT) != 0 ? CURL_CSELECT_OUT : 0) |
                  ((events[i].events & (EPOLLERR | EPOLLHUP)) != 0 ? CURL_CSELECT_ERR : 0);
      RunCurl(socket, flags);
    }
  }

  void TimerExpired() {
    uint64_t expirations = 0;
    ssize_t ignored = read(timer_fd_, &expirations, sizeof expirations);
    (void)ignored;
    armed_ = false;
    RunCurl(CURL_SOCKET_TIMEOUT, 0);
    if (!armed_) {
      // The timer may have been early (see Arm): curl tells only changes, so ask it what is next.
      long next_ms = -1;
      curl_multi_timeout(multi_, &next_ms);
      if (next_ms >= 0) {
        Arm(next_ms);
      }
    }
  }

  // One call into curl, then what it asked for: an immediate rerun, finished transfers answered,
  // and the timer set to curl's next timeout.
  void RunCurl(curl_socket_t socket, int flags) {
    int running = 0;
    timer_changed_ = false;  // a 0 noted before (a new transfer) is served by this very call
    curl_multi_socket_action(multi_, socket, flags, &running);
    for (int i = 0; i < kMaxImmediateRuns && timer_changed_ && timeout_ms_ == 0; ++i) {
      timer_changed_ = false;
      curl_multi_socket_action(multi_, CURL_SOCKET_TIMEOUT, 0, &running);
    }
    if (timer_changed_) {
      timer_changed_ = false;
      if (timeout_ms_ >= 0) {
        Arm(timeout_ms_);
      }
      // -1 (nothing to time): an armed timer just fires early once, which curl takes in its stride.
    }
    CollectFinished();
  }

  // A timer that is already due earlier stays as it is: when it fires, curl runs what is due and
  // TimerExpired asks for the next one. Saves a timerfd_settime per request, since each new
  // request's timeout (seconds away) is later than the one already armed.
  void Arm(long timeout_ms) {
    auto due = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    if (armed_ && armed_due_ <= due) {
      return;
    }
    itimerspec when{};
    when.it_value.tv_sec = timeout_ms / 1000;
    when.it_value.tv_nsec = (timeout_ms % 1000) * 1000 * 1000;
    if (timeout_ms == 0) {
      when.it_value.tv_nsec = 1;  // all zero would disarm it
    }
    timerfd_settime(timer_fd_, 0, &when, nullptr);
    armed_ = true;
    armed_due_ = due;
  }

  void CollectFinished() {
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
      if (message->msg == CURLMSG_DONE) {
        Finish(message->easy_handle, message->data.result);
      }
    }
  }

  void Finish(CURL* easy, CURLcode result) {
    auto found = active_.find(easy);
    if (found == active_.end()) {
      return;
    }
    std::unique_ptr<Transfer> transfer = std::move(found->second);
    active_.erase(found);
    curl_multi_remove_handle(multi_, easy);
    if (result == CURLE_OK) {
      long status = 0;
      curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
      transfer->response.status = static_cast<int>(status);
    } else {
      transfer->response.failure = result == CURLE_OPERATION_TIMEDOUT ? UpstreamResponse::Failure::kTimeout
                                   : result == CURLE_COULDNT_CONNECT  ? UpstreamResponse::Failure::kConnect
                                                                      : UpstreamResponse::Failure::kOther;
      common::log::Warn("upstream call failed",
                        {{"url", transfer->request.url}, {"error", curl_easy_strerror(result)}});
    }
    curl_slist_free_all(transfer->headers);
    // Kept as it is for the next transfer, which sets every per-transfer option again; the
    // pointers into this transfer are cleared so that nothing can reach it once it is gone.
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, nullptr);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, nullptr);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, nullptr);
    idle_easies_.push_back(easy);
    try {
      transfer->done(std::move(transfer->response));
    } catch (const std::exception& error) {
      common::log::Error("upstream completion failed", {{"error", error.what()}});
    }
  }

  http::IoLoop& loop_;
  uint64_t loop_id_;
  CURLM* multi_ = nullptr;
  int epoll_fd_ = -1;
  int timer_fd_ = -1;
  long timeout_ms_ = -1;
  bool timer_changed_ = false;
  bool kick_deferred_ = false;
  bool armed_ = false;
  std::chrono::steady_clock::time_point armed_due_;
  std::unordered_map<curl_socket_t, Socket> sockets_;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> active_;
  std::vector<CURL*> idle_easies_;
};

// This thread's engine of the client it last used; looked up without a lock on the hot path.
struct CachedEngine {
  uint64_t client_id = 0;
  uint64_t loop_id = 0;
  Engine* engine = nullptr;
};
thread_local CachedEngine t_engine;

}  // namespace

struct UpstreamClient::Impl {
  uint64_t id = next_client_id.fetch_add(1);
  long max_connections_per_host = 1;
  std::mutex mutex;
  // One per loop that ever called; an engine of a server that stopped stays idle until the end.
  std::vector<std::unique_ptr<Engine>> engines;
  std::unique_ptr<http::EventLoop> spare_loop;  // only for callers without an I/O loop

  // On `loop`'s own thread.
  Engine& EngineFor(http::IoLoop& loop) {
    if (t_engine.client_id == id && t_engine.loop_id == loop.Id()) {
      return *t_engine.engine;
    }
    Engine* engine = nullptr;
    {
      std::lock_guard<std::mutex> lock(mutex);
      for (const auto& existing : engines) {
        if (existing->RunsOn(loop)) {
          engine = existing.get();
        }
      }
      if (engine == nullptr) {
        engines.push_back(std::make_unique<Engine>(loop, max_connections_per_host));
        engine = engines.back().get();
      }
    }
    t_engine = CachedEngine{id, loop.Id(), engine};
    return *engine;
  }

  http::IoLoop& SpareLoop() {
    std::lock_guard<std::mutex> lock(mutex);
    if (!spare_loop) {
      spare_loop = std::make_unique<http::EventLoop>();
    }
    return *spare_loop;
  }
};

UpstreamClient::UpstreamClient(long max_connections_per_host) : impl_(std::make_unique<Impl>()) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  impl_->max_connections_per_host = max_connections_per_host;
}

UpstreamClient::~UpstreamClient() {
  impl_->spare_loop.reset();  // stops its thread before its engine goes
  impl_->engines.clear();
}

void UpstreamClient::Send(UpstreamRequest request, Done done, http::IoLoop* loop) {
  auto transfer = std::make_unique<Transfer>();
  transfer->request = std::move(request);
  transfer->done = std::move(done);
  if (http::IoLoop* here = http::IoLoop::Current()) {
    impl_->EngineFor(*here).Start(std::move(transfer));
    return;
  }
  http::IoLoop& target = loop != nullptr ? *loop : impl_->SpareLoop();
  auto posted = std::make_shared<std::unique_ptr<Transfer>>(std::move(transfer));
  Impl* impl = impl_.get();
  target.Post([impl, &target, posted] { impl->EngineFor(target).Start(std::move(*posted)); });
}

}  // namespace kutse::gateway
