// A stored request as the store keeps it and the views show it: what it is about, what it was made
// with, where it stands and how it got there (history and messages). RequestRecord (the rules'
// view) is derived from it. No I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/actor.hpp"
#include "domain/attachment.hpp"
#include "domain/duplicate_claim.hpp"
#include "domain/reprint_delivery.hpp"
#include "domain/request_kind.hpp"
#include "domain/request_record.hpp"
#include "domain/request_state.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::workflow {

// The qualification as the holder saw it when the request was made (a snapshot of the facts).
struct QualificationSnapshot {
  std::optional<std::string> standard_code;
  std::string name_et;
  std::optional<std::string> name_en;
  int level = 0;
};

// The certificate service's refusal of a decision (certificate.request_refused.v1), kept with the
// request so the holder and the handler see why: its code, message key and text in both languages.
struct DecisionRefusal {
  std::string code;
  std::string message_key;
  std::string message_et;
  std::string message_en;
  std::string refused_at;  // UTC, ISO 8601

  bool operator==(const DecisionRefusal& other) const {
    return code == other.code && message_key == other.message_key && message_et == other.message_et &&
           message_en == other.message_en && refused_at == other.refused_at;
  }
};

struct Request {
  std::string id;  // uuid
  RequestKind kind = RequestKind::kQuestion;
  RequestState state = RequestState::kSubmitted;
  std::string certificate_number;
  std::string holder_personal_code;  // personal data: never logged
  HandlerRoute route = HandlerRoute::RegisterKeeper();
  std::string awarding_body_id;
  QualificationSnapshot qualification;
  std::optional<ReprintDelivery> delivery;  // reprints
  std::optional<DuplicateClaim> duplicate;  // duplicates
  std::optional<DecisionRefusal> refusal;   // the last refusal of the certificate service
  std::string created_at;                   // UTC, ISO 8601 with milliseconds
  std::string submitted_at;                 // the last (re)submission
  common::Date answer_deadline;
  std::string updated_at;
  long long version = 1;
  long long seq = 0;     // order of creation, the key of the holder's pages
  bool overdue = false;  // read with an inbox only: on the inbox's day

  RequestRecord Record() const {
    return RequestRecord{kind,
                         state,
                         route,
                         holder_personal_code,
                         duplicate ? std::optional<DuplicateReason>(duplicate->reason) : std::nullopt,
                         0};
  }
};

// Where a request stands in an inbox (domain/inbox_order.hpp), the key of an inbox page.
struct InboxKey {
  bool overdue = false;
  std::string submitted_at;  // UTC, ISO 8601 with milliseconds
  std::string id;
};

// What a holder asks for when making a request: the kind, the certificate, and the kind's own
// input (checked by CheckReprintDelivery, CheckDuplicateInput or CheckMessageText).
struct RequestInput {
  RequestKind kind = RequestKind::kQuestion;
  std::string certificate_number;
  std::optional<ReprintDelivery> delivery;  // reprint
  std::optional<DuplicateInput> duplicate;  // duplicate
  std::optional<std::string> message;       // question: its first message
};

// One row of a request's history: who, when, from, to, why.
struct HistoryEntry {
  std::string at;
  std::string action;  // "submit", or the name of an ActionKind
  std::optional<RequestState> from;
  RequestState to = RequestState::kSubmitted;
  ActorKind actor_kind = ActorKind::kHolder;
  std::optional<std::string> actor_body_id;  // a clerk's body
  std::optional<std::string> reason;
  std::optional<std::string> detail;  // delivery outcome, the duplicate's number
};

struct RequestMessage {
  long long id = 0;
  ActorKind author_kind = ActorKind::kHolder;
  std::string text;
  std::string sent_at;
};

// A file attached to a request as the views list it (the bytes are read only for a download).
struct StoredAttachment {
  Attachment file;
  ActorKind uploaded_by = ActorKind::kHolder;
  std::string uploaded_at;  // UTC, ISO 8601 with milliseconds
};

struct RequestDetail {
  Request request;
  std::vector<HistoryEntry> history;            // oldest first
  std::vector<RequestMessage> messages;         // oldest first
  std::vector<StoredAttachment> attachments{};  // oldest first, metadata only
};

}  // namespace kutse::workflow
