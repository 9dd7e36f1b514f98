#include "proxy/upstream_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>

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

struct UpstreamClient::Impl {
  CURLM* multi = nullptr;
  std::mutex mutex;
  std::deque<std::unique_ptr<Transfer>> pending;
  std::vector<CURL*> idle_easies;  // reused: keeps their DNS cache and settings warm
  std::atomic<bool> running{true};
  std::thread thread;

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

  void Loop() {
    while (running) {
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
      int active = 0;
      curl_multi_perform(multi, &active);
      int queued = 0;
      while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
        if (message->msg == CURLMSG_DONE) {
          Finish(message->easy_handle, message->data.result);
        }
      }
      curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
    }
  }
};

UpstreamClient::UpstreamClient(long max_connections_per_host) : impl_(std::make_unique<Impl>()) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  impl_->multi = curl_multi_init();
  curl_multi_setopt(impl_->multi, CURLMOPT_MAX_HOST_CONNECTIONS, max_connections_per_host);
  curl_multi_setopt(impl_->multi, CURLMOPT_MAXCONNECTS, max_connections_per_host * 8);
  impl_->thread = std::thread([this] { impl_->Loop(); });
}

UpstreamClient::~UpstreamClient() {
  impl_->running = false;
  curl_multi_wakeup(impl_->multi);
  if (impl_->thread.joinable()) {
    impl_->thread.join();
  }
  for (CURL* easy : impl_->idle_easies) {
    curl_easy_cleanup(easy);
  }
  curl_multi_cleanup(impl_->multi);
}

void UpstreamClient::Send(UpstreamRequest request, Done done) {
  auto transfer = std::make_unique<Transfer>();
  transfer->request = std::move(request);
  transfer->done = std::move(done);
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->pending.push_back(std::move(transfer));
  }
  curl_multi_wakeup(impl_->multi);
}

}  // namespace kutse::gateway
