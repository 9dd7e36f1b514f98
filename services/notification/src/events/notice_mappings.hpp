// Which event gives which notice: one row per event type, naming the members the event must carry
// and choosing the notice kind from its data. Every notice is stored the same way (the holder, the
// kind, the event's data as parameters, the certificate and the request it is about), so a new event kind is
// a row here and a template per language (domain/notice_text.hpp), not new plumbing.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "kutse/bus/cloud_event.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"
#include "notification_settings.hpp"

namespace kutse::notification {

inline constexpr const char* kCertificateIssuedV1 = "certificate.issued.v1";
inline constexpr const char* kCertificateStatusChangedV1 = "certificate.status_changed.v1";
inline constexpr const char* kCertificateExpiryApproachingV1 = "certificate.expiry_approaching.v1";
inline constexpr const char* kRequestSubmittedV1 = "request.submitted.v1";
inline constexpr const char* kRequestStatusChangedV1 = "request.status_changed.v1";
inline constexpr const char* kRequestMessageAddedV1 = "request.message_added.v1";

struct NoticeMapping {
  std::string event_type;
  std::vector<std::string> required;  // text members without which the event is malformed
  // The notice kind for the event's data; nullopt when the holder is not told of it.
  std::optional<std::string> (*kind_of)(const nlohmann::json& data);
  // A request event: the notice is about the request `request_id` (a uuid), of kind `kind`.
  bool about_request = false;
};

const std::vector<NoticeMapping>& NoticeMappings();

// The event's notice for its holder (holder_personal_code), inside the consumer's inbox transaction;
// a repeat of the same event never reaches it, and the store keeps one notice per kind per event.
// A malformed event is an invalid argument (the consumer dead-letters it). A new notice's messages on
// the mail channels are added in the same transaction (app/enqueue_notice_mail.hpp).
common::Status AddNoticeFor(const NoticeMapping& mapping, pqxx::work& work, const bus::CloudEvent& event,
                            const NotificationSettings& settings, const common::Clock& clock);

}  // namespace kutse::notification
