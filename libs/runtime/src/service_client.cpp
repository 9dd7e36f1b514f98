#include "kutse/runtime/service_client.hpp"

#include "kutse/common/log.hpp"

namespace kutse::runtime {

common::StatusOr<std::string> GetFromService(const http::Client& client, auth::ServiceTokenSigner& signer,
                                             const std::string& audience, const std::string& target,
                                             const ServiceCallMessages& messages) {
  http::ClientRequest request;
  request.target = target;
  request.headers = {{"Authorization", "Bearer " + signer.Issue(audience)}, {"Accept", "application/json"}};
  auto sent = client.Send(request);
  if (!sent.ok()) {
    const common::StatusCode code = sent.status().code();
    if (code != common::StatusCode::kUnavailable && code != common::StatusCode::kDeadlineExceeded) {
      return sent.status();
    }
    common::log::Warn("service call unavailable",
                      {{"upstream", audience}, {"reason", sent.status().message().key}});
    common::Status status = common::Unavailable(common::Msg(messages.unavailable));
    if (sent.status().retry_after()) {
      status = std::move(status).WithRetryAfter(*sent.status().retry_after());
    }
    return status;
  }
  const http::ClientResponse& answer = sent.value();
  if (answer.status == 404) {
    return common::NotFound(common::Msg(messages.not_found));
  }
  if (answer.status >= 500) {
    common::log::Warn("service call unavailable", {{"upstream", audience}, {"status", answer.status}});
    return common::Unavailable(common::Msg(messages.unavailable));
  }
  if (answer.status != 200) {
    // Our own token refused: a key not given to the callee, or a clock far off.
    common::log::Warn("service call refused", {{"upstream", audience}, {"status", answer.status}});
    return common::Internal(common::Msg(messages.refused));
  }
  return answer.body;
}

}  // namespace kutse::runtime
