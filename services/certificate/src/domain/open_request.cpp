#include "domain/open_request.hpp"

namespace kutse::certificate {

bool IsFinishedRequestState(const std::string& state) {
  return state == "rejected" || state == "completed" || state == "withdrawn" || state == "closed";
}

bool IsOpen(const OpenRequest& request) {
  return !IsFinishedRequestState(request.state);
}

bool Supersedes(const OpenRequest& known, const RequestNews& news) {
  if (news.at != known.changed_at) {
    return news.at > known.changed_at;
  }
  return news.from.has_value() && *news.from == known.state && news.state != known.state;
}

OpenRequest ApplyNews(const std::optional<OpenRequest>& known, const RequestNews& news) {
  const bool submission = !news.from.has_value();
  if (!known) {
    return OpenRequest{news.request_id,
                       news.kind,
                       news.certificate_number,
                       news.state,
                       submission ? std::optional<std::string>(news.at) : std::nullopt,
                       news.at};
  }
  OpenRequest after = *known;
  if (submission && !after.submitted_at) {
    after.submitted_at = news.at;
  }
  if (Supersedes(*known, news)) {
    after.state = news.state;
    after.changed_at = news.at;
  }
  return after;
}

}  // namespace kutse::certificate
