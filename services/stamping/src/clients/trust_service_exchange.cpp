#include "clients/trust_service_exchange.hpp"

#include <algorithm>
#include <cctype>

#include "seal/trust_services.hpp"

namespace kutse::stamping {
namespace {

// A time-stamp reply or an OCSP response with its certificates is a few KiB.
constexpr size_t kMaxAnswerBytes = 256 * 1024;
constexpr std::chrono::milliseconds kMaxConnectTimeout{1000};

http::ClientOptions OptionsFor(const TrustServiceEndpoint& endpoint) {
  http::ClientOptions options;
  options.upstream = endpoint.upstream;
  options.base_url = endpoint.url;
  options.connect_timeout = std::min(kMaxConnectTimeout, endpoint.budget);
  options.timeout = endpoint.budget;
  options.retry.max_attempts = 3;
  options.retry.budget = endpoint.budget;
  options.max_response_bytes = kMaxAnswerBytes;
  return options;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The media type without its parameters, in lower case.
std::string MediaTypeOf(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  const size_t end = type.find_last_not_of(" \t");
  type.erase(end == std::string::npos ? 0 : end + 1);
  return Lower(type.substr(std::min(type.size(), type.find_first_not_of(" \t"))));
}

std::string ReasonOf(const common::Status& status) {
  if (status.code() == common::StatusCode::kDeadlineExceeded) {
    return "no answer in time";
  }
  if (status.reason() == "bad_gateway") {
    return "the answer could not be read (too large or not HTTP)";
  }
  return "not reachable or unavailable";
}

}  // namespace

TrustServiceExchange::TrustServiceExchange(TrustServiceEndpoint endpoint)
    : endpoint_(std::move(endpoint)), client_(OptionsFor(endpoint_)) {}

std::string TrustServiceExchange::Post(const std::string& der) const {
  http::ClientRequest request;
  request.method = "POST";
  request.target = endpoint_.url;  // the whole URL: its path is the service's, with nothing appended
  request.headers = {{"Content-Type", endpoint_.request_type}, {"Accept", endpoint_.response_type}};
  request.body = der;
  request.safe_to_repeat = true;  // a second token or response for the same question does no harm
  auto answer = client_.Send(request);
  if (!answer.ok()) {
    Refuse(ReasonOf(answer.status()));
  }
  const http::ClientResponse& response = answer.value();
  if (response.status != 200) {
    Refuse("answered HTTP " + std::to_string(response.status));
  }
  if (MediaTypeOf(response.Header("content-type").value_or("")) != endpoint_.response_type) {
    Refuse("answered with another media type than " + endpoint_.response_type);
  }
  return response.body;
}

void TrustServiceExchange::Refuse(const std::string& reason) const {
  throw seal::TrustServiceUnavailable(endpoint_.name + ": " + reason);
}

std::string TrustServiceExchange::Host() const {
  return HostOf(endpoint_.url);
}

std::string HostOf(const std::string& url) {
  const size_t scheme = url.find("://");
  std::string rest = scheme == std::string::npos ? url : url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  const size_t at = rest.rfind('@');
  if (at != std::string::npos) {
    rest = rest.substr(at + 1);
  }
  if (!rest.empty() && rest.front() == '[') {  // an IPv6 literal keeps its brackets
    return rest.substr(0, rest.find(']') + 1);
  }
  return rest.substr(0, rest.find(':'));
}

}  // namespace kutse::stamping
