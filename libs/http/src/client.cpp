#include "kutse/http/client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>
#include <random>
#include <string_view>
#include <thread>

#include "kutse/common/log.hpp"
#include "kutse/common/metrics.hpp"

namespace kutse::http {
namespace {

using SteadyClock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Enough for the few worker threads that call one upstream at the same moment; a burst beyond it
// opens handles (and connections) that are closed again afterwards.
constexpr size_t kMaxIdleHandles = 8;

// curl_global_init must run once before any handle exists, and before threads race to make one.
void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

double DefaultJitter() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

bool HasLineBreak(const std::string& text) {
  return text.find_first_of("\r\n") != std::string::npos;
}

// What one attempt came to.
enum class Outcome { kAnswer, kUnreachable, kTimeout, kTooLarge, kFailed };

struct Attempt {
  Outcome outcome = Outcome::kFailed;
  CURLcode code = CURLE_OK;
  ClientResponse response;
  std::optional<milliseconds> retry_after;
  bool too_large = false;
  size_t limit = 0;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* attempt = static_cast<Attempt*>(user);
  size_t bytes = size * count;
  if (attempt->response.body.size() + bytes > attempt->limit) {
    attempt->too_large = true;
    return 0;  // curl ends the transfer with CURLE_WRITE_ERROR
  }
  attempt->response.body.append(data, bytes);
  return bytes;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* attempt = static_cast<Attempt*>(user);
  size_t bytes = size * count;
  std::string_view line(data, bytes);
  if (line.rfind("HTTP/", 0) == 0) {
    attempt->response.headers.clear();  // a new status line: an interim answer (100) came first
    return bytes;
  }
  size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    attempt->response.headers.emplace_back(Lower(Trim(line.substr(0, colon))),
                                           std::string(Trim(line.substr(colon + 1))));
  }
  return bytes;
}

Outcome Classify(CURLcode code, bool too_large) {
  switch (code) {
    case CURLE_OK:
      return Outcome::kAnswer;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
      return Outcome::kUnreachable;
    case CURLE_OPERATION_TIMEDOUT:
      return Outcome::kTimeout;
    case CURLE_FILESIZE_EXCEEDED:
      return Outcome::kTooLarge;
    case CURLE_WRITE_ERROR:
      return too_large ? Outcome::kTooLarge : Outcome::kFailed;
    default:
      return Outcome::kFailed;
  }
}

const char* OutcomeLabel(const Attempt& attempt) {
  switch (attempt.outcome) {
    case Outcome::kAnswer:
      return attempt.response.status < 300   ? "2xx"
             : attempt.response.status < 400 ? "3xx"
             : attempt.response.status < 500 ? "4xx"
                                             : "5xx";
    case Outcome::kUnreachable:
      return "unreachable";
    case Outcome::kTimeout:
      return "timeout";
    case Outcome::kTooLarge:
      return "too_large";
    case Outcome::kFailed:
      return "failed";
  }
  return "failed";
}

bool IsUpstreamFailure(int status) {
  return status == 502 || status == 503 || status == 504;
}

bool WorthRetrying(const Attempt& attempt) {
  return attempt.outcome == Outcome::kUnreachable || attempt.outcome == Outcome::kTimeout ||
         (attempt.outcome == Outcome::kAnswer && IsUpstreamFailure(attempt.response.status));
}

std::string UrlOf(const std::string& base_url, const std::string& target) {
  if (target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0) {
    return target;
  }
  std::string url = base_url;
  while (!url.empty() && url.back() == '/') {
    url.pop_back();
  }
  if (target.empty() || target.front() != '/') {
    url.push_back('/');
  }
  return url + target;
}

}  // namespace

std::optional<std::string> ClientResponse::Header(const std::string& lower_case_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_case_name) {
      return value;
    }
  }
  return std::nullopt;
}

bool IsIdempotentMethod(const std::string& method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS" || method == "PUT" ||
         method == "DELETE" || method == "TRACE";
}

std::string UrlForLog(const std::string& url) {
  std::string out = url.substr(0, url.find_first_of("?#"));
  size_t scheme = out.find("://");
  size_t authority = scheme == std::string::npos ? 0 : scheme + 3;
  size_t authority_end = out.find('/', authority);
  size_t at = out.rfind('@', authority_end == std::string::npos ? out.size() : authority_end);
  if (at != std::string::npos && at >= authority) {
    out.erase(authority, at + 1 - authority);
  }
  return out;
}

std::optional<milliseconds> RetryDelay(const RetryPolicy& policy, int next_attempt,
                                       std::optional<milliseconds> retry_after, milliseconds left,
                                       double jitter) {
  if (next_attempt > policy.max_attempts || next_attempt < 2) {
    return std::nullopt;
  }
  milliseconds wait{0};
  if (retry_after) {
    wait = *retry_after;  // the upstream knows best when it will be back
  } else {
    milliseconds backoff = policy.initial_backoff;
    for (int i = 2; i < next_attempt && backoff < policy.max_backoff; ++i) {
      backoff *= 2;
    }
    backoff = std::min(backoff, policy.max_backoff);
    // Half fixed, half random: callers that failed together do not all come back together, and
    // none comes back at once.
    double jittered = static_cast<double>(backoff.count()) * (0.5 + 0.5 * std::clamp(jitter, 0.0, 1.0));
    wait = milliseconds(static_cast<long long>(jittered));
  }
  if (wait >= left) {
    return std::nullopt;  // the next attempt would start with no time left for it
  }
  return wait;
}

struct Client::Impl {
  explicit Impl(ClientOptions given) : options(std::move(given)) {
    if (!options.jitter) {
      options.jitter = DefaultJitter;
    }
  }
  ~Impl() {
    for (CURL* easy : idle) {
      curl_easy_cleanup(easy);
    }
  }

  CURL* Take() const {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (!idle.empty()) {
        CURL* easy = idle.back();
        idle.pop_back();
        return easy;
      }
    }
    return curl_easy_init();
  }

  void Give(CURL* easy) const {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (idle.size() < kMaxIdleHandles) {
        idle.push_back(easy);
        return;
      }
    }
    curl_easy_cleanup(easy);
  }

  Attempt Perform(CURL* easy, const ClientRequest& request, const std::string& url,
                  milliseconds timeout) const;
  common::Status Refusal(const Attempt& attempt) const;

  ClientOptions options;
  mutable std::mutex mutex;
  mutable std::vector<CURL*> idle;
};

Attempt Client::Impl::Perform(CURL* easy, const ClientRequest& request, const std::string& url,
                              milliseconds timeout) const {
  Attempt attempt;
  attempt.limit = options.max_response_bytes;
  // Forgets every option of the handle's previous call but keeps its live connections.
  curl_easy_reset(easy);
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);  // timeouts by signal are not thread-safe
  curl_easy_setopt(easy, CURLOPT_TCP_NODELAY, 1L);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::min(options.connect_timeout, timeout).count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(std::max<long long>(timeout.count(), 1)));
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &attempt);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &attempt);
  // Refused before the body arrives when Content-Length already says it is too large.
  curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_response_bytes));

  bool get = request.method == "GET";
  bool head = request.method == "HEAD";
  bool has_content_type = false;
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) {
    has_content_type = has_content_type || Lower(name) == "content-type";
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  }
  if (get) {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  } else if (head) {
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else {
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    if (request.method != "POST") {
      curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    // curl would call any body a form, and wait a round trip for "100 Continue" on larger ones.
    if (!has_content_type) {
      headers = curl_slist_append(headers, "Content-Type:");
    }
    headers = curl_slist_append(headers, "Expect:");
  }
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  if (request.basic_auth) {
    curl_easy_setopt(easy, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(easy, CURLOPT_USERNAME, request.basic_auth->first.c_str());
    curl_easy_setopt(easy, CURLOPT_PASSWORD, request.basic_auth->second.c_str());
  }

  attempt.code = curl_easy_perform(easy);
  curl_slist_free_all(headers);
  attempt.outcome = Classify(attempt.code, attempt.too_large);
  if (attempt.outcome == Outcome::kAnswer) {
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    attempt.response.status = static_cast<int>(status);
    curl_off_t retry_after = 0;
    if (curl_easy_getinfo(easy, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0) {
      attempt.retry_after = std::chrono::seconds(retry_after);
    }
  }
  return attempt;
}

common::Status Client::Impl::Refusal(const Attempt& attempt) const {
  std::vector<std::pair<std::string, std::string>> upstream = {{"upstream", options.upstream}};
  switch (attempt.outcome) {
    case Outcome::kAnswer: {
      if (attempt.response.status == 504) {
        return common::DeadlineExceeded(common::Msg("http_client.upstream_timed_out", upstream));
      }
      common::Status status = common::Unavailable(common::Msg("http_client.upstream_unavailable", upstream));
      if (attempt.retry_after) {
        return std::move(status).WithRetryAfter(
            std::chrono::duration_cast<std::chrono::seconds>(*attempt.retry_after));
      }
      return status;
    }
    case Outcome::kUnreachable:
      return common::Unavailable(common::Msg("http_client.unreachable", upstream));
    case Outcome::kTimeout:
      return common::DeadlineExceeded(common::Msg("http_client.timed_out", upstream));
    case Outcome::kTooLarge:
      return common::Unavailable(common::Msg("http_client.answer_too_large",
                                             {{"upstream", options.upstream},
                                              {"limit", std::to_string(options.max_response_bytes)}}))
          .WithReason("bad_gateway");
    case Outcome::kFailed:
      break;
  }
  return common::Unavailable(common::Msg("http_client.failed", upstream)).WithReason("bad_gateway");
}

Client::Client(ClientOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  InitCurlOnce();
  auto& metrics = common::MetricsRegistry::Default();
  metrics.Describe(
      "http_client_requests_total", "counter",
      "Outbound HTTP attempts by upstream and outcome (2xx..5xx, unreachable, timeout, too_large, "
      "failed)");
  metrics.Describe("http_client_request_duration_seconds", "histogram",
                   "Outbound HTTP attempt latency by upstream");
  metrics.Describe("http_client_retries_total", "counter", "Outbound HTTP attempts repeated, by upstream");
}

Client::~Client() = default;
Client::Client(Client&&) noexcept = default;
Client& Client::operator=(Client&&) noexcept = default;

const ClientOptions& Client::Options() const {
  return impl_->options;
}

common::StatusOr<ClientResponse> Client::Send(const ClientRequest& request) const {
  const ClientOptions& options = impl_->options;
  for (const auto& [name, value] : request.headers) {
    if (name.empty() || HasLineBreak(name) || HasLineBreak(value) || name.find(':') != std::string::npos) {
      return common::Internal(common::Msg("http_client.bad_header", {{"upstream", options.upstream}}));
    }
  }
  const std::string url = UrlOf(options.base_url, request.target);
  const bool repeatable = request.safe_to_repeat || IsIdempotentMethod(request.method);
  const auto deadline = SteadyClock::now() + options.retry.budget;
  auto& metrics = common::MetricsRegistry::Default();

  CURL* easy = impl_->Take();
  if (easy == nullptr) {
    return common::Internal(common::Msg("http_client.failed", {{"upstream", options.upstream}}));
  }
  for (int number = 1;; ++number) {
    auto started = SteadyClock::now();
    auto left = std::chrono::duration_cast<milliseconds>(deadline - started);
    if (left.count() <= 0) {
      impl_->Give(easy);
      return common::DeadlineExceeded(common::Msg("http_client.timed_out", {{"upstream", options.upstream}}));
    }
    Attempt attempt = impl_->Perform(easy, request, url, std::min(options.timeout, left));
    attempt.response.attempts = number;
    metrics.Increment("http_client_requests_total",
                      {{"upstream", options.upstream}, {"outcome", OutcomeLabel(attempt)}});
    metrics.Observe("http_client_request_duration_seconds", {{"upstream", options.upstream}},
                    std::chrono::duration<double>(SteadyClock::now() - started).count());

    std::optional<milliseconds> delay;
    if (repeatable && WorthRetrying(attempt)) {
      delay = RetryDelay(options.retry, number + 1, attempt.retry_after,
                         std::chrono::duration_cast<milliseconds>(deadline - SteadyClock::now()),
                         options.jitter());
    }
    if (attempt.outcome != Outcome::kAnswer) {
      // curl's generic text for the code, never its error buffer: that one may quote the URL.
      common::log::Warn("outbound call failed", {{"upstream", options.upstream},
                                                 {"method", request.method},
                                                 {"url", UrlForLog(url)},
                                                 {"attempt", number},
                                                 {"error", curl_easy_strerror(attempt.code)},
                                                 {"retrying", delay.has_value()}});
    }
    if (!delay) {
      impl_->Give(easy);
      if (attempt.outcome == Outcome::kAnswer && !IsUpstreamFailure(attempt.response.status)) {
        return std::move(attempt.response);
      }
      if (attempt.outcome == Outcome::kAnswer) {
        common::log::Warn("outbound call answered as failed", {{"upstream", options.upstream},
                                                               {"method", request.method},
                                                               {"url", UrlForLog(url)},
                                                               {"attempts", number},
                                                               {"status", attempt.response.status}});
      }
      return impl_->Refusal(attempt);
    }
    metrics.Increment("http_client_retries_total", {{"upstream", options.upstream}});
    std::this_thread::sleep_for(*delay);
  }
}

}  // namespace kutse::http
