#include "proxy/upstream_client.hpp"

#include <curl/curl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>

#include "kutse/common/log.hpp"

namespace kutse::gateway {
namespace {

constexpr size_t kMaxResponseBytes = 32 * 1024 * 1024;

struct Transfer {
  UpstreamRequest request;
  UpstreamClient::Done done;
  UpstreamResponse response;
  curl_slist* headers = nullptr;
  CURL* easy = nullptr;
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
  std::string line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    transfer->response.headers.clear();  // a new status line (after 100 Continue) starts over
    return size * count;
  }
  size_t colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    size_t start = line.find_first_not_of(' ', colon + 1);
    size_t end = line.find_last_not_of("\r\n");
    std::string value = start == std::string::npos || end < start ? "" : line.substr(start, end - start + 1);
    transfer->response.headers.emplace_back(std::move(name), std::move(value));
  }
  return size * count;
}

}  // namespace

// One thread drives every transfer with curl's socket interface on an epoll set: it is woken
// only for the sockets that are ready, so the cost per request does not grow with the number of
// transfers in flight (curl_multi_perform walks all of them on every wake-up).
struct UpstreamClient::Impl {
  CURLM* multi = nullptr;
  int epoll_fd = -1;
  int wake_fd = -1;  // eventfd: Send() and the destructor wake the loop
  long timeout_ms = -1;
  std::mutex mutex;
  std::deque<std::unique_ptr<Transfer>> pending;
  std::vector<CURL*> idle_easies;  // reused: keeps their settings and buffers warm
  std::atomic<bool> running{true};
  std::thread thread;

  static int OnSocket(CURL*, curl_socket_t socket, int what, void* user, void*) {
    auto* impl = static_cast<Impl*>(user);
    if (what == CURL_POLL_REMOVE) {
      epoll_ctl(impl->epoll_fd, EPOLL_CTL_DEL, socket, nullptr);
      return 0;
    }
    epoll_event event{};
    event.data.fd = socket;
    event.events = (what == CURL_POLL_IN || what == CURL_POLL_INOUT ? EPOLLIN : 0u) |
                   (what == CURL_POLL_OUT || what == CURL_POLL_INOUT ? EPOLLOUT : 0u);
    if (epoll_ctl(impl->epoll_fd, EPOLL_CTL_MOD, socket, &event) != 0) {
      epoll_ctl(impl->epoll_fd, EPOLL_CTL_ADD, socket, &event);
    }
    return 0;
  }

  static int OnTimer(CURLM*, long timeout_ms, void* user) {
    static_cast<Impl*>(user)->timeout_ms = timeout_ms;
    return 0;
  }

  void Start(CURL* easy, Transfer* transfer) {
    const UpstreamRequest& request = transfer->request;
    curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method == "GET") {
      curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    } else if (request.method == "HEAD") {
      curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else {
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    for (const auto& header : request.headers) {
      transfer->headers = curl_slist_append(transfer->headers, header.c_str());
    }
    // curl would otherwise add "Expect: 100-continue" to larger bodies: one more round trip.
    transfer->headers = curl_slist_append(transfer->headers, "Expect:");
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, 2000L);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer);
    transfer->easy = easy;
    curl_multi_add_handle(multi, easy);
  }

  void Finish(CURL* easy, CURLcode result) {
    Transfer* raw = nullptr;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, reinterpret_cast<char**>(&raw));
    std::unique_ptr<Transfer> transfer(raw);
    curl_multi_remove_handle(multi, easy);
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
    curl_easy_reset(easy);
    idle_easies.push_back(easy);
    try {
      transfer->done(std::move(transfer->response));
    } catch (const std::exception& error) {
      common::log::Error("upstream completion failed", {{"error", error.what()}});
    }
  }

  void StartPending() {
    std::deque<std::unique_ptr<Transfer>> starting;
    {
      std::lock_guard<std::mutex> lock(mutex);
      starting.swap(pending);
    }
    for (auto& transfer : starting) {
      CURL* easy = nullptr;
      if (!idle_easies.empty()) {
        easy = idle_easies.back();
        idle_easies.pop_back();
      } else {
        easy = curl_easy_init();
      }
      Start(easy, transfer.release());
    }
  }

  void CollectFinished() {
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
      if (message->msg == CURLMSG_DONE) {
        Finish(message->easy_handle, message->data.result);
      }
    }
  }

  void Loop() {
    constexpr int kMaxEvents = 64;
    epoll_event events[kMaxEvents];
    int active = 0;
    while (running) {
      int wait_ms = timeout_ms < 0 ? 1000 : static_cast<int>(std::min(timeout_ms, 1000L));
      int ready = epoll_wait(epoll_fd, events, kMaxEvents, wait_ms);
      if (ready == 0) {
        curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &active);
      }
      for (int i = 0; i < ready; ++i) {
        if (events[i].data.fd == wake_fd) {
          uint64_t count = 0;
          ssize_t ignored = read(wake_fd, &count, sizeof count);
          (void)ignored;
          StartPending();
          // New handles ask for a zero timeout; kick them off now rather than on the next wait.
          curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &active);
          continue;
        }
        int flags = ((events[i].events & EPOLLIN) != 0 ? CURL_CSELECT_IN : 0) |
                    ((events[i].events & EPOLLOUT) != 0 ? CURL_CSELECT_OUT : 0) |
                    ((events[i].events & (EPOLLERR | EPOLLHUP)) != 0 ? CURL_CSELECT_ERR : 0);
        curl_multi_socket_action(multi, events[i].data.fd, flags, &active);
      }
      CollectFinished();
    }
  }

  void Wake() const {
    uint64_t one = 1;
    ssize_t ignored = write(wake_fd, &one, sizeof one);
    (void)ignored;
  }
};

UpstreamClient::UpstreamClient(long max_connections_per_host) : impl_(std::make_unique<Impl>()) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  impl_->multi = curl_multi_init();
  impl_->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  impl_->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (impl_->multi == nullptr || impl_->epoll_fd < 0 || impl_->wake_fd < 0) {
    throw std::runtime_error("cannot set up the upstream client");
  }
  epoll_event wake{};
  wake.events = EPOLLIN;
  wake.data.fd = impl_->wake_fd;
  epoll_ctl(impl_->epoll_fd, EPOLL_CTL_ADD, impl_->wake_fd, &wake);
  curl_multi_setopt(impl_->multi, CURLMOPT_SOCKETFUNCTION, Impl::OnSocket);
  curl_multi_setopt(impl_->multi, CURLMOPT_SOCKETDATA, impl_.get());
  curl_multi_setopt(impl_->multi, CURLMOPT_TIMERFUNCTION, Impl::OnTimer);
  curl_multi_setopt(impl_->multi, CURLMOPT_TIMERDATA, impl_.get());
  curl_multi_setopt(impl_->multi, CURLMOPT_MAX_HOST_CONNECTIONS, max_connections_per_host);
  curl_multi_setopt(impl_->multi, CURLMOPT_MAXCONNECTS, max_connections_per_host * 8);
  impl_->thread = std::thread([this] { impl_->Loop(); });
}

UpstreamClient::~UpstreamClient() {
  impl_->running = false;
  impl_->Wake();
  if (impl_->thread.joinable()) {
    impl_->thread.join();
  }
  for (CURL* easy : impl_->idle_easies) {
    curl_easy_cleanup(easy);
  }
  curl_multi_cleanup(impl_->multi);
  close(impl_->epoll_fd);
  close(impl_->wake_fd);
}

void UpstreamClient::Send(UpstreamRequest request, Done done) {
  auto transfer = std::make_unique<Transfer>();
  transfer->request = std::move(request);
  transfer->done = std::move(done);
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->pending.push_back(std::move(transfer));
  }
  impl_->Wake();
}

}  // namespace kutse::gateway
