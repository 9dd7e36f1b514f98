#include "events/request_news_event.hpp"

#include "domain/certificate.hpp"
#include "domain/certificate_number.hpp"
#include "events/event_members.hpp"
#include "kutse/common/ids.hpp"
#include "kutse/common/message.hpp"

namespace kutse::certificate {
namespace {

bool IsRequestKind(const std::string& kind) {
  return kind == "reprint" || kind == "duplicate" || kind == "question";
}

bool IsRequestState(const std::string& state) {
  static const char* const kStates[] = {"submitted", "in_review", "accepted",  "approved",  "issue_refused",
                                        "answered",  "rejected",  "completed", "withdrawn", "closed"};
  for (const char* known : kStates) {
    if (state == known) {
      return true;
    }
  }
  return false;
}

// The members both events share, with the state after and the time under `state_key`, `time_key`.
common::StatusOr<RequestNews> ParseNews(const nlohmann::json& data, const char* state_key,
                                        const char* time_key) {
  auto request_id = TextMember(data, "request_id", 36);
  auto kind = TextMember(data, "kind", 20);
  auto number = TextMember(data, "certificate_number", kMaxCertificateNumberLength);
  auto state = TextMember(data, state_key, 20);
  auto at = InstantMember(data, time_key);
  if (!request_id || !common::IsUuid(*request_id) || !kind || !IsRequestKind(*kind) || !number ||
      !IsCertificateNumber(*number) || !state || !IsRequestState(*state) || !at) {
    return common::InvalidArgument(common::Msg("open_request.event_form"));
  }
  return RequestNews{*request_id, *kind, *number, std::nullopt, *state, *at};
}

}  // namespace

common::StatusOr<RequestNews> ParseRequestSubmitted(const nlohmann::json& data) {
  return ParseNews(data, "state", "submitted_at");
}

common::StatusOr<RequestNews> ParseRequestStatusChanged(const nlohmann::json& data) {
  auto news = ParseNews(data, "to", "changed_at");
  if (!news.ok()) {
    return news;
  }
  auto from = TextMember(data, "from", 20);
  if (!from || !IsRequestState(*from)) {
    return common::InvalidArgument(common::Msg("open_request.event_form"));
  }
  news->from = *from;
  return news;
}

}  // namespace kutse::certificate
