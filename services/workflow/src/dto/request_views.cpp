#include "dto/request_views.hpp"

#include "domain/answer_deadline.hpp"
#include "dto/attachment_views.hpp"
#include "dto/request_data_json.hpp"
#include "dto/request_parsers.hpp"
#include "kutse/common/json_or_null.hpp"

namespace kutse::workflow::dto {
namespace {

nlohmann::json HandledBy(const HandlerRoute& route) {
  if (route.IsRegisterKeeper()) {
    return {{"kind", "register_keeper"}, {"body_id", nullptr}};
  }
  return {{"kind", "awarding_body"}, {"body_id", route.body_id()}};
}

nlohmann::json HistoryView(const HistoryEntry& entry) {
  return {
      {"at", entry.at},
      {"action", entry.action},
      {"from", entry.from ? nlohmann::json(ToString(*entry.from)) : nlohmann::json(nullptr)},
      {"to", ToString(entry.to)},
      {"by", {{"kind", ToString(entry.actor_kind)}, {"body_id", common::JsonOrNull(entry.actor_body_id)}}},
      {"reason", common::JsonOrNull(entry.reason)},
      {"detail", common::JsonOrNull(entry.detail)}};
}

// Up to `limit` requests, and the cursor of the next page when there is one more.
template <typename CursorOf>
nlohmann::json PageOf(std::vector<Request> requests, int limit, const common::Date& today,
                      CursorOf cursor_of) {
  nlohmann::json next = nullptr;
  if (static_cast<int>(requests.size()) > limit) {
    requests.pop_back();
    next = cursor_of(requests.back());
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& request : requests) {
    items.push_back(RequestView(request, today));
  }
  return {{"items", items}, {"next_cursor", next}};
}

}  // namespace

nlohmann::json RequestView(const Request& request, const common::Date& today) {
  const auto& qualification = request.qualification;
  nlohmann::json view = {
      {"id", request.id},
      {"kind", ToString(request.kind)},
      {"state", ToString(request.state)},
      {"certificate_number", request.certificate_number},
      {"qualification",
       {{"standard_code", common::JsonOrNull(qualification.standard_code)},
        {"name_et", qualification.name_et},
        {"name_en", common::JsonOrNull(qualification.name_en)},
        {"level", qualification.level}}},
      {"handled_by", HandledBy(request.route)},
      {"created_at", request.created_at},
      {"submitted_at", request.submitted_at},
      {"answer_deadline", request.answer_deadline.ToString()},
      {"overdue", IsOverdue(request.state, request.answer_deadline, today)},
      {"updated_at", request.updated_at},
  };
  if (request.delivery) {
    view["delivery"] = DeliveryJson(*request.delivery);
  }
  if (request.duplicate) {
    view["duplicate"] = DuplicateJson(*request.duplicate);
  }
  if (request.refusal) {
    view["refusal"] = RefusalJson(*request.refusal);
  }
  return view;
}

nlohmann::json RequestDetailView(const RequestDetail& detail, const common::Date& today) {
  nlohmann::json view = RequestView(detail.request, today);
  nlohmann::json history = nlohmann::json::array();
  for (const auto& entry : detail.history) {
    history.push_back(HistoryView(entry));
  }
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& message : detail.messages) {
    messages.push_back({{"id", message.id},
                        {"author", ToString(message.author_kind)},
                        {"text", message.text},
                        {"sent_at", message.sent_at}});
  }
  nlohmann::json attachments = nlohmann::json::array();
  for (const auto& attachment : detail.attachments) {
    attachments.push_back(AttachmentView(attachment));
  }
  view["history"] = std::move(history);
  view["messages"] = std::move(messages);
  view["attachments"] = std::move(attachments);
  return view;
}

nlohmann::json RequestPage(std::vector<Request> requests, int limit, const common::Date& today) {
  return PageOf(std::move(requests), limit, today,
                [](const Request& last) { return EncodeRequestListCursor(last.seq); });
}

nlohmann::json InboxPage(std::vector<Request> requests, int limit, const common::Date& today) {
  return PageOf(std::move(requests), limit, today, [](const Request& last) {
    return EncodeInboxCursor(InboxKey{last.overdue, last.submitted_at, last.id});
  });
}

}  // namespace kutse::workflow::dto
