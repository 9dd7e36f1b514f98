#include "app/read_requests.hpp"

#include "db/request_repository.hpp"

namespace kutse::workflow::app {

std::vector<Request> MyRequests(pqxx::transaction_base& tx, const auth::Identity& holder,
                                std::optional<long long> before_seq, int limit) {
  return RequestRepository(tx).ForHolder(holder.personal_code, before_seq, limit);
}

common::StatusOr<RequestDetail> MyRequest(pqxx::transaction_base& tx, const auth::Identity& holder,
                                          const std::string& id) {
  auto request = RequestRepository(tx).Find(id);
  if (!request || holder.personal_code.empty() || request->holder_personal_code != holder.personal_code) {
    return common::NotFound(common::Msg("request.not_found"));
  }
  return DetailOf(tx, std::move(*request));
}

bool Sees(const Actor& actor, const Request& request) {
  switch (actor.kind) {
    case ActorKind::kHolder:
      return !actor.personal_code.empty() && request.holder_personal_code == actor.personal_code;
    case ActorKind::kClerk:
      return request.route == HandlerRoute::Body(actor.body_id);
    case ActorKind::kRegisterKeeper:
      return request.route.IsRegisterKeeper();
    case ActorKind::kSystem:
      return true;
  }
  return false;
}

common::StatusOr<RequestDetail> HandlersRequest(pqxx::transaction_base& tx, const Actor& handler,
                                                const std::string& id) {
  auto request = RequestRepository(tx).Find(id);
  if (!request || !Sees(handler, *request)) {
    return common::NotFound(common::Msg("request.not_found"));
  }
  return DetailOf(tx, std::move(*request));
}

std::vector<Request> Inbox(pqxx::transaction_base& tx, const common::Clock& clock, const InboxQuery& query,
                           int limit) {
  return RequestRepository(tx).Inbox(query, clock.Today(), limit);
}

common::StatusOr<AttachmentDownload> AttachmentOf(pqxx::transaction_base& tx, const Actor& actor,
                                                  const std::string& request_id,
                                                  const std::string& attachment_id) {
  RequestRepository requests(tx);
  auto request = requests.Find(request_id);
  if (!request || !Sees(actor, *request)) {
    return common::NotFound(common::Msg("request.not_found"));
  }
  auto file = requests.AttachmentContent(request->id, attachment_id);
  if (!file) {
    return common::NotFound(common::Msg("request.attachment_not_found"));
  }
  return AttachmentDownload{std::move(*request), std::move(file->first), std::move(file->second)};
}

RequestDetail DetailOf(pqxx::transaction_base& tx, Request request) {
  RequestRepository requests(tx);
  auto history = requests.History(request.id);
  auto messages = requests.Messages(request.id);
  auto attachments = requests.Attachments(request.id);
  return RequestDetail{std::move(request), std::move(history), std::move(messages), std::move(attachments)};
}

}  // namespace kutse::workflow::app
