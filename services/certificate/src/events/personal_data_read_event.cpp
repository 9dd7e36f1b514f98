#include "events/personal_data_read_event.hpp"

#include "domain/certificate.hpp"
#include "domain/certificate_number.hpp"
#include "events/event_members.hpp"
#include "kutse/common/ids.hpp"
#include "kutse/common/personal_code.hpp"
#include "kutse/common/text.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::certificate {
namespace {

// The reader as every entry of the log names staff: EE and a valid personal code.
bool IsStaffSubject(const std::string& subject) {
  return subject.size() == 13 && subject.compare(0, 2, "EE") == 0 &&
         common::IsValidPersonalCode(subject.substr(2));
}

// An instant in UTC as the workflow writes them (2026-12-03T10:15:00.000Z): its date must exist.
bool IsUtcTimestamp(const std::string& text) {
  return text.size() >= 20 && text.size() <= 30 && text[10] == 'T' && text.back() == 'Z' &&
         common::ParseDate(text.substr(0, 10)).has_value();
}

}  // namespace

common::StatusOr<RequestRead> ParseRequestRead(const nlohmann::json& data) {
  const auto invalid = [] { return common::InvalidArgument(common::Msg("access.event_form")); };
  if (!data.is_object()) {
    return invalid();
  }
  auto request_id = TextMember(data, "request_id", 36);
  auto number = TextMember(data, "certificate_number", kMaxCertificateNumberLength);
  auto holder = TextMember(data, "holder_personal_code", 11);
  auto read_by = TextMember(data, "read_by", 100);
  auto role = TextMember(data, "role", 10);
  auto read_at = TextMember(data, "read_at", 40);
  if (!request_id || !common::IsUuid(*request_id) || !number || !IsCertificateNumber(*number) || !holder ||
      !common::IsValidPersonalCode(*holder) || !read_by || !IsStaffSubject(*read_by) || !role ||
      (*role != "clerk" && *role != "admin") || !read_at || !IsUtcTimestamp(*read_at)) {
    return invalid();
  }
  RequestRead read{*request_id, *number, *holder, *read_by, *role, std::nullopt, *read_at};
  if (*role == "clerk") {
    auto body = TextMember(data, "awarding_body_id", 8);
    if (!body || !common::IsRegistryCode(*body)) {
      return invalid();
    }
    read.awarding_body_id = *body;
  }
  return read;
}

}  // namespace kutse::certificate
