// Reading and writing requests, their history and their messages inside a caller's transaction
// (or a plain read). Every change of a request writes its history row in the same transaction.
#pragma once

#include <chrono>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <utility>
#include <vector>

#include "domain/request.hpp"

namespace kutse::workflow {

// A history row as it is written: the actor with their personal code (kept, never shown).
struct HistoryRow {
  std::string action;  // "submit" or an ActionKind name
  std::optional<RequestState> from;
  RequestState to = RequestState::kSubmitted;
  Actor actor;
  std::optional<std::string> reason;
  std::optional<std::string> detail;
  std::chrono::system_clock::time_point at;
};

// Which open requests of one inbox, and from where on.
struct InboxQuery {
  HandlerRoute route = HandlerRoute::RegisterKeeper();
  std::optional<RequestKind> kind;
  std::optional<RequestState> state;
  std::optional<InboxKey> after;
};

class RequestRepository {
 public:
  explicit RequestRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // Stores a new request (id, kind data and snapshot as given) submitted `at`.
  Request Insert(const Request& request, std::chrono::system_clock::time_point at);
  // Holds other requests on this certificate off until the transaction ends.
  void LockCertificate(const std::string& certificate_number);
  bool OpenDuplicateExists(const std::string& certificate_number);

  // nullopt for an id that is no uuid as for an unknown one.
  std::optional<Request> Find(const std::string& id);
  std::optional<Request> Lock(const std::string& id);  // until the transaction ends
  // The approved duplicate request of the certificate, locked; nullopt when there is none.
  std::optional<Request> LockApprovedDuplicate(const std::string& certificate_number);
  // The request's kind data (and refusal) as `request` holds them now; version + 1.
  Request SetData(const Request& request, std::chrono::system_clock::time_point at);
  // The holder's requests, newest first, made before the one of `before_seq`.
  std::vector<Request> ForHolder(const std::string& personal_code, std::optional<long long> before_seq,
                                 int limit);
  // One page of a handler's inbox in the order of domain/inbox_order.hpp, from after `after`.
  std::vector<Request> Inbox(const InboxQuery& query, const common::Date& today, int limit);
  // The new state (and, when `resubmitted`, a new submission instant and deadline); version + 1.
  Request SetState(const std::string& id, RequestState to, std::chrono::system_clock::time_point at,
                   bool resubmitted, const common::Date& deadline);

  void AddHistory(const std::string& request_id, const HistoryRow& row);
  std::vector<HistoryEntry> History(const std::string& request_id);
  RequestMessage AddMessage(const std::string& request_id, const Actor& author, const std::string& text,
                            std::chrono::system_clock::time_point at);
  std::vector<RequestMessage> Messages(const std::string& request_id);

  // Stores a file (its id, name, type, size and digest as `file` says) with its bytes.
  StoredAttachment AddAttachment(const std::string& request_id, const Attachment& file,
                                 const std::string& bytes, const Actor& uploader,
                                 std::chrono::system_clock::time_point at);
  int CountAttachments(const std::string& request_id);
  std::vector<StoredAttachment> Attachments(const std::string& request_id);  // metadata, oldest first
  // One file of the request with its bytes; nullopt for an id that is no uuid as for an unknown one.
  std::optional<std::pair<StoredAttachment, std::string>> AttachmentContent(const std::string& request_id,
                                                                            const std::string& attachment_id);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::workflow
