// Use cases that read requests for the holder who made them (and for the handler of its inbox): their list
// (newest first, a keyset page), one request with its history and messages, and a file attached to one.
// Someone else's request is not found, just as an unknown id.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "db/request_repository.hpp"
#include "domain/request.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::workflow::app {

std::vector<Request> MyRequests(pqxx::transaction_base& tx, const auth::Identity& holder,
                                std::optional<long long> before_seq, int limit);
common::StatusOr<RequestDetail> MyRequest(pqxx::transaction_base& tx, const auth::Identity& holder,
                                          const std::string& id);
// Whether the actor may see the request: the holder theirs, a clerk their body's inbox, the
// register keeper's admin the register keeper's, the system every request.
bool Sees(const Actor& actor, const Request& request);
// One request of the handler's inbox with its history and messages; another inbox's is not found.
common::StatusOr<RequestDetail> HandlersRequest(pqxx::transaction_base& tx, const Actor& handler,
                                                const std::string& id);
// A page of the inbox of a body's clerk or the register keeper, as it stands today.
std::vector<Request> Inbox(pqxx::transaction_base& tx, const common::Clock& clock, const InboxQuery& query,
                           int limit);
// One attached file with its bytes, and the request it belongs to.
struct AttachmentDownload {
  Request request;
  StoredAttachment attachment;
  std::string bytes;
};
// A file of a request the actor sees (the holder's own, a handler's inbox); else not found, as
// for an unknown request or file.
common::StatusOr<AttachmentDownload> AttachmentOf(pqxx::transaction_base& tx, const Actor& actor,
                                                  const std::string& request_id,
                                                  const std::string& attachment_id);
// The request with its history, messages and attachments (metadata) as stored now.
RequestDetail DetailOf(pqxx::transaction_base& tx, Request request);

}  // namespace kutse::workflow::app
