#include "db/request_repository.hpp"

#include <nlohmann/json.hpp>

#include "db/sql.hpp"
#include "dto/request_data_json.hpp"
#include "kutse/common/ids.hpp"
#include "kutse/common/time_format.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::workflow {
namespace {

Request ReadRequest(const pqxx::row& row) {
  Request request;
  request.id = row["id"].as<std::string>();
  request.seq = row["seq"].as<long long>();
  request.kind = ParseRequestKind(row["kind"].as<std::string>()).value_or(RequestKind::kQuestion);
  request.state = ParseRequestState(row["state"].as<std::string>()).value_or(RequestState::kSubmitted);
  request.certificate_number = row["certificate_number"].as<std::string>();
  request.holder_personal_code = row["holder_personal_code"].as<std::string>();
  request.route =
      HandlerRoute::Parse(row["route"].as<std::string>()).value_or(HandlerRoute::RegisterKeeper());
  request.awarding_body_id = row["awarding_body_id"].as<std::string>();
  request.qualification.standard_code = db::OptionalText(row["standard_code"]);
  request.qualification.name_et = row["qualification_name_et"].as<std::string>();
  request.qualification.name_en = db::OptionalText(row["qualification_name_en"]);
  request.qualification.level = row["level"].as<int>();
  dto::ReadKindData(nlohmann::json::parse(row["data"].as<std::string>()), request);
  request.created_at = row["created_at"].as<std::string>();
  request.submitted_at = row["submitted_at"].as<std::string>();
  request.answer_deadline =
      common::ParseDate(row["answer_deadline"].as<std::string>()).value_or(common::Date{});
  request.updated_at = row["updated_at"].as<std::string>();
  request.version = row["version"].as<long long>();
  return request;
}

std::optional<Request> First(const pqxx::result& rows) {
  return rows.empty() ? std::nullopt : std::optional<Request>(ReadRequest(rows[0]));
}

StoredAttachment ReadAttachment(const pqxx::row& row) {
  StoredAttachment stored;
  stored.file.id = row["id"].as<std::string>();
  stored.file.file_name = row["file_name"].as<std::string>();
  stored.file.media_type = row["media_type"].as<std::string>();
  stored.file.size_bytes = row["size_bytes"].as<std::uint64_t>();
  stored.file.sha256 = row["sha256"].as<std::string>();
  stored.uploaded_by = ParseActorKind(row["uploaded_by_kind"].as<std::string>()).value_or(ActorKind::kHolder);
  stored.uploaded_at = row["uploaded_at"].as<std::string>();
  return stored;
}

std::optional<std::string> Nonempty(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

}  // namespace

Request RequestRepository::Insert(const Request& request, std::chrono::system_clock::time_point at) {
  const std::string data = dto::KindDataJson(request).dump();
  const auto level = std::to_string(request.qualification.level);
  return ReadRequest(tx_.exec_prepared1(
      sql::kInsertRequest.name, request.id, ToString(request.kind), ToString(request.state),
      request.certificate_number, request.holder_personal_code, request.route.ToString(),
      request.awarding_body_id, db::NullableParam(request.qualification.standard_code),
      request.qualification.name_et, db::NullableParam(request.qualification.name_en), level, data,
      common::FormatTimestamp(at), request.answer_deadline.ToString()));
}

void RequestRepository::LockCertificate(const std::string& certificate_number) {
  tx_.exec_prepared(sql::kLockCertificateRequests.name, certificate_number);
}

bool RequestRepository::OpenDuplicateExists(const std::string& certificate_number) {
  return tx_.exec_prepared1(sql::kOpenDuplicateExists.name, certificate_number)["open"].as<bool>();
}

std::optional<Request> RequestRepository::Find(const std::string& id) {
  return common::IsUuid(id) ? First(tx_.exec_prepared(sql::kFindRequest.name, id)) : std::nullopt;
}

std::optional<Request> RequestRepository::Lock(const std::string& id) {
  return common::IsUuid(id) ? First(tx_.exec_prepared(sql::kLockRequest.name, id)) : std::nullopt;
}

std::optional<Request> RequestRepository::LockApprovedDuplicate(const std::string& certificate_number) {
  return First(tx_.exec_prepared(sql::kLockApprovedDuplicate.name, certificate_number));
}

Request RequestRepository::SetData(const Request& request, std::chrono::system_clock::time_point at) {
  return ReadRequest(tx_.exec_prepared1(sql::kUpdateRequestData.name, request.id,
                                        dto::KindDataJson(request).dump(), common::FormatTimestamp(at)));
}

std::vector<Request> RequestRepository::ForHolder(const std::string& personal_code,
                                                  std::optional<long long> before_seq, int limit) {
  const auto before = before_seq ? std::optional<std::string>(std::to_string(*before_seq)) : std::nullopt;
  std::vector<Request> requests;
  for (const auto& row :
       tx_.exec_prepared(sql::kHoldersRequests.name, personal_code, db::NullableParam(before), limit)) {
    requests.push_back(ReadRequest(row));
  }
  return requests;
}

std::vector<Request> RequestRepository::Inbox(const InboxQuery& query, const common::Date& today, int limit) {
  const auto kind = query.kind ? std::optional<std::string>(ToString(*query.kind)) : std::nullopt;
  const auto state = query.state ? std::optional<std::string>(ToString(*query.state)) : std::nullopt;
  const auto overdue =
      query.after ? std::optional<std::string>(query.after->overdue ? "true" : "false") : std::nullopt;
  const auto submitted_at =
      query.after ? std::optional<std::string>(query.after->submitted_at) : std::nullopt;
  const auto id = query.after ? std::optional<std::string>(query.after->id) : std::nullopt;
  // A filtered page is planned for its own kind and state: the prepared statement's generic plan
  // cannot use requests_inbox_filtered (its "$2 IS NULL OR kind = $2"), 39 ms against 5 ms at
  // 100,000 open requests. The unfiltered page keeps the prepared plan, which is the right one.
  const bool filtered = kind.has_value() || state.has_value();
  const pqxx::result rows =
      filtered ? tx_.exec_params(sql::kInbox.text, query.route.ToString(), db::NullableParam(kind),
                                 db::NullableParam(state), today.ToString(), db::NullableParam(overdue),
                                 db::NullableParam(submitted_at), db::NullableParam(id), limit)
               : tx_.exec_prepared(sql::kInbox.name, query.route.ToString(), db::NullableParam(kind),
                                   db::NullableParam(state), today.ToString(), db::NullableParam(overdue),
                                   db::NullableParam(submitted_at), db::NullableParam(id), limit);
  std::vector<Request> requests;
  for (const auto& row : rows) {
    Request request = ReadRequest(row);
    request.overdue = row["overdue"].as<bool>();
    requests.push_back(std::move(request));
  }
  return requests;
}

Request RequestRepository::SetState(const std::string& id, RequestState to,
                                    std::chrono::system_clock::time_point at, bool resubmitted,
                                    const common::Date& deadline) {
  return ReadRequest(tx_.exec_prepared1(sql::kUpdateRequestState.name, id, ToString(to),
                                        common::FormatTimestamp(at), resubmitted, deadline.ToString()));
}

void RequestRepository::AddHistory(const std::string& request_id, const HistoryRow& row) {
  const auto from = row.from ? std::optional<std::string>(ToString(*row.from)) : std::nullopt;
  const auto code = Nonempty(row.actor.personal_code);
  const auto body = Nonempty(row.actor.body_id);
  tx_.exec_prepared(sql::kInsertHistory.name, request_id, row.action, db::NullableParam(from),
                    ToString(row.to), ToString(row.actor.kind), db::NullableParam(code),
                    db::NullableParam(body), db::NullableParam(row.reason), db::NullableParam(row.detail),
                    common::FormatTimestamp(row.at));
}

std::vector<HistoryEntry> RequestRepository::History(const std::string& request_id) {
  std::vector<HistoryEntry> history;
  for (const auto& row : tx_.exec_prepared(sql::kHistoryOf.name, request_id)) {
    HistoryEntry entry;
    entry.at = row["at"].as<std::string>();
    entry.action = row["action"].as<std::string>();
    auto from = db::OptionalText(row["from_state"]);
    entry.from = from ? ParseRequestState(*from) : std::nullopt;
    entry.to = ParseRequestState(row["to_state"].as<std::string>()).value_or(RequestState::kSubmitted);
    entry.actor_kind = ParseActorKind(row["actor_kind"].as<std::string>()).value_or(ActorKind::kSystem);
    entry.actor_body_id = db::OptionalText(row["actor_body_id"]);
    entry.reason = db::OptionalText(row["reason"]);
    entry.detail = db::OptionalText(row["detail"]);
    history.push_back(std::move(entry));
  }
  return history;
}

RequestMessage RequestRepository::AddMessage(const std::string& request_id, const Actor& author,
                                             const std::string& text,
                                             std::chrono::system_clock::time_point at) {
  auto row = tx_.exec_prepared1(sql::kInsertMessage.name, request_id, ToString(author.kind),
                                author.personal_code, text, common::FormatTimestamp(at));
  return RequestMessage{row["id"].as<long long>(), author.kind, text, row["sent_at"].as<std::string>()};
}

std::vector<RequestMessage> RequestRepository::Messages(const std::string& request_id) {
  std::vector<RequestMessage> messages;
  for (const auto& row : tx_.exec_prepared(sql::kMessagesOf.name, request_id)) {
    messages.push_back(
        RequestMessage{row["id"].as<long long>(),
                       ParseActorKind(row["author_kind"].as<std::string>()).value_or(ActorKind::kHolder),
                       row["text"].as<std::string>(), row["sent_at"].as<std::string>()});
  }
  return messages;
}

StoredAttachment RequestRepository::AddAttachment(const std::string& request_id, const Attachment& file,
                                                  const std::string& bytes, const Actor& uploader,
                                                  std::chrono::system_clock::time_point at) {
  return ReadAttachment(tx_.exec_prepared1(sql::kInsertAttachment.name, file.id, request_id, file.file_name,
                                           file.media_type, std::to_string(file.size_bytes), file.sha256,
                                           pqxx::binarystring(bytes), ToString(uploader.kind),
                                           uploader.personal_code, common::FormatTimestamp(at)));
}

int RequestRepository::CountAttachments(const std::string& request_id) {
  return tx_.exec_prepared1(sql::kCountAttachments.name, request_id)["attached"].as<int>();
}

std::vector<StoredAttachment> RequestRepository::Attachments(const std::string& request_id) {
  std::vector<StoredAttachment> attachments;
  for (const auto& row : tx_.exec_prepared(sql::kAttachmentsOf.name, request_id)) {
    attachments.push_back(ReadAttachment(row));
  }
  return attachments;
}

std::optional<std::pair<StoredAttachment, std::string>> RequestRepository::AttachmentContent(
    const std::string& request_id, const std::string& attachment_id) {
  if (!common::IsUuid(request_id) || !common::IsUuid(attachment_id)) {
    return std::nullopt;
  }
  auto rows = tx_.exec_prepared(sql::kAttachmentContent.name, request_id, attachment_id);
  if (rows.empty()) {
    return std::nullopt;
  }
  return std::make_pair(ReadAttachment(rows[0]), pqxx::binarystring(rows[0]["content"]).str());
}

}  // namespace kutse::workflow
