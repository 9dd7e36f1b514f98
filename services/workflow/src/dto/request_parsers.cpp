#include "dto/request_parsers.hpp"

#include <set>

#include "domain/apply_action.hpp"
#include "domain/country_code.hpp"
#include "kutse/common/ids.hpp"
#include "kutse/http/json_fields.hpp"
#include "kutse/http/page_cursor.hpp"
#include "kutse/http/query.hpp"

namespace kutse::workflow::dto {
namespace {

using common::FieldErrors;
using common::Msg;

// The members every kind takes, and each kind's own.
const std::set<std::string>& KnownMembers(RequestKind kind) {
  static const std::set<std::string> reprint = {"kind", "certificate_number", "delivery"};
  static const std::set<std::string> duplicate = {"kind", "certificate_number", "reason", "corrections",
                                                  "note"};
  static const std::set<std::string> question = {"kind", "certificate_number", "message"};
  return kind == RequestKind::kReprint ? reprint : kind == RequestKind::kDuplicate ? duplicate : question;
}

// A member that must be text, as sent: the domain trims and measures it.
std::optional<std::string> Text(const nlohmann::json& object, const std::string& name,
                                const std::string& pointer, FieldErrors& errors, bool required = true) {
  if (!object.contains(name)) {
    if (required) {
      errors.push_back({pointer, Msg("field.required")});
    }
    return std::nullopt;
  }
  if (!object[name].is_string()) {
    errors.push_back({pointer, Msg("field.must_be_text")});
    return std::nullopt;
  }
  return object[name].get<std::string>();
}

// A member that names one value of an enum, by its wire name.
template <typename Enum, typename Parse>
std::optional<Enum> Named(const nlohmann::json& object, const std::string& name, const std::string& pointer,
                          Parse parse, const char* values, FieldErrors& errors) {
  auto text = Text(object, name, pointer, errors);
  if (!text) {
    return std::nullopt;
  }
  std::optional<Enum> value = parse(*text);
  if (!value) {
    errors.push_back({pointer, Msg(values)});
  }
  return value;
}

std::optional<ReprintDelivery> ReadDelivery(const nlohmann::json& body, FieldErrors& errors) {
  if (!body.contains("delivery")) {
    errors.push_back({"/delivery", Msg("field.required")});
    return std::nullopt;
  }
  const auto& json = body["delivery"];
  if (!json.is_object()) {
    errors.push_back({"/delivery", Msg("request.must_be_object")});
    return std::nullopt;
  }
  size_t before = errors.size();
  for (auto& error : http::UnknownFields(json, {"method", "address"})) {
    errors.push_back({"/delivery" + error.pointer, error.detail});
  }
  ReprintDelivery delivery;
  auto method = Named<DeliveryMethod>(json, "method", "/delivery/method", ParseDeliveryMethod,
                                      "request.method_values", errors);
  delivery.method = method.value_or(DeliveryMethod::kCollectInPerson);
  if (json.contains("address")) {
    const auto& address = json["address"];
    if (!address.is_object()) {
      errors.push_back({"/delivery/address", Msg("request.must_be_object")});
    } else {
      for (auto& error :
           http::UnknownFields(address, {"recipient_name", "street", "postal_code", "city", "country"})) {
        errors.push_back({"/delivery/address" + error.pointer, error.detail});
      }
      PostalAddress out;
      const std::string at = "/delivery/address/";
      out.recipient_name = Text(address, "recipient_name", at + "recipient_name", errors).value_or("");
      out.street = Text(address, "street", at + "street", errors).value_or("");
      out.postal_code = Text(address, "postal_code", at + "postal_code", errors, false).value_or("");
      out.city = Text(address, "city", at + "city", errors).value_or("");
      out.country = Text(address, "country", at + "country", errors, false).value_or(kEstonia);
      delivery.address = out;
    }
  }
  return errors.size() == before ? std::optional<ReprintDelivery>(delivery) : std::nullopt;
}

std::optional<Correction> ReadCorrection(const nlohmann::json& json, const std::string& pointer,
                                         FieldErrors& errors) {
  if (!json.is_object()) {
    errors.push_back({pointer, Msg("request.must_be_object")});
    return std::nullopt;
  }
  size_t before = errors.size();
  for (auto& error : http::UnknownFields(json, {"field", "value"})) {
    errors.push_back({pointer + error.pointer, error.detail});
  }
  Correction correction;
  auto field = Named<CorrectableField>(json, "field", pointer + "/field", ParseCorrectableField,
                                       "request.correctable_field_values", errors);
  if (field == CorrectableField::kCompetences) {
    correction.field = *field;
    const std::string at = pointer + "/value";
    if (!json.contains("value") || !json["value"].is_array()) {
      errors.push_back({at, Msg("request.competences_list")});
    } else {
      for (const auto& name : json["value"]) {
        if (!name.is_string()) {
          errors.push_back({at, Msg("request.competences_list")});
          break;
        }
        correction.competences.push_back(name.get<std::string>());
      }
    }
  } else if (field) {
    correction.field = *field;
    correction.text = Text(json, "value", pointer + "/value", errors).value_or("");
  }
  return errors.size() == before ? std::optional<Correction>(correction) : std::nullopt;
}

DuplicateInput ReadDuplicate(const nlohmann::json& body, FieldErrors& errors) {
  DuplicateInput input;
  input.reason = Named<DuplicateReason>(body, "reason", "/reason", ParseDuplicateReason,
                                        "request.duplicate_reason_values", errors)
                     .value_or(DuplicateReason::kLost);
  if (body.contains("corrections")) {
    const auto& list = body["corrections"];
    if (!list.is_array() || list.size() > kMaxCorrections) {
      errors.push_back(
          {"/corrections", Msg("field.list_of_at_most", {{"max", std::to_string(kMaxCorrections)}})});
    } else {
      for (size_t i = 0; i < list.size(); ++i) {
        if (auto correction = ReadCorrection(list[i], "/corrections/" + std::to_string(i), errors)) {
          input.corrections.push_back(std::move(*correction));
        }
      }
    }
  }
  input.note = Text(body, "note", "/note", errors, false);
  return input;
}

const http::PageCursor& ListFormat() {
  static const http::PageCursor format("workflow.my_requests", {http::CursorType::kInteger});
  return format;
}

const http::PageCursor& InboxFormat() {
  static const http::PageCursor format(
      "workflow.inbox", {http::CursorType::kInteger, http::CursorType::kText, http::CursorType::kText});
  return format;
}

// 2026-12-03T10:15:00.000Z, as the store writes instants.
bool IsUtcInstant(const std::string& text) {
  static const std::string shape = "dddd-dd-ddTdd:dd:dd.dddZ";
  if (text.size() != shape.size()) {
    return false;
  }
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 'd' ? (text[i] < '0' || text[i] > '9') : text[i] != shape[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

common::StatusOr<RequestInput> ParseNewRequest(const nlohmann::json& body) {
  FieldErrors errors;
  if (!body.is_object()) {
    return http::InvalidFields({{"", Msg("request.must_be_object")}});
  }
  auto kind = Named<RequestKind>(body, "kind", "/kind", ParseRequestKind, "request.kind_values", errors);
  RequestInput input;
  input.kind = kind.value_or(RequestKind::kQuestion);
  if (kind) {
    FieldErrors unknown = http::UnknownFields(body, KnownMembers(*kind));
    errors.insert(errors.end(), unknown.begin(), unknown.end());
  }
  auto number = Text(body, "certificate_number", "/certificate_number", errors);
  if (number && !IsCertificateNumber(*number)) {
    errors.push_back({"/certificate_number", Msg("request.certificate_number_form")});
  }
  input.certificate_number = number.value_or("");
  if (kind == RequestKind::kReprint) {
    input.delivery = ReadDelivery(body, errors);
  } else if (kind == RequestKind::kDuplicate) {
    input.duplicate = ReadDuplicate(body, errors);
  } else if (kind == RequestKind::kQuestion) {
    input.message = Text(body, "message", "/message", errors);
  }
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors));
  }
  return input;
}

namespace {

// A body of exactly one text member, `name`.
common::StatusOr<std::string> OneText(const nlohmann::json& body, const std::string& name) {
  FieldErrors errors =
      body.is_object() ? http::UnknownFields(body, {name}) : FieldErrors{{"", Msg("request.must_be_object")}};
  auto text = body.is_object() ? Text(body, name, "/" + name, errors) : std::nullopt;
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors));
  }
  return *text;
}

}  // namespace

common::StatusOr<std::string> ParseMessage(const nlohmann::json& body) {
  return OneText(body, "message");
}

common::StatusOr<std::string> ParseReason(const nlohmann::json& body) {
  return OneText(body, "reason");
}

common::StatusOr<DeliveryOutcome> ParseDelivered(const nlohmann::json& body) {
  FieldErrors errors = body.is_object() ? http::UnknownFields(body, {"delivery"})
                                        : FieldErrors{{"", Msg("request.must_be_object")}};
  auto outcome = body.is_object()
                     ? Named<DeliveryOutcome>(body, "delivery", "/delivery", ParseDeliveryOutcome,
                                              "request.delivery_outcome_values", errors)
                     : std::nullopt;
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors));
  }
  return *outcome;
}

common::StatusOr<std::optional<long long>> RequestListCursor(const std::optional<std::string>& cursor) {
  return ListFormat().DecodePositive(cursor);
}

std::string EncodeRequestListCursor(long long seq) {
  return ListFormat().Encode({seq});
}

common::StatusOr<InboxQuery> ParseInboxQuery(const std::optional<std::string>& kind,
                                             const std::optional<std::string>& state,
                                             const std::optional<std::string>& cursor) {
  InboxQuery query;
  if (kind) {
    query.kind = ParseRequestKind(*kind);
    if (!query.kind) {
      return http::BadQuery("/kind", Msg("request.kind_values"));
    }
  }
  if (state) {
    query.state = ParseRequestState(*state);
    if (!query.state) {
      return http::BadQuery("/state", Msg("request.state_values"));
    }
  }
  if (cursor) {
    auto key = InboxFormat().Decode(*cursor);
    if (!key.ok()) {
      return key.status();
    }
    long long overdue = std::get<long long>(key->at(0));
    const auto& submitted_at = std::get<std::string>(key->at(1));
    const auto& id = std::get<std::string>(key->at(2));
    if ((overdue != 0 && overdue != 1) || !IsUtcInstant(submitted_at) || !common::IsUuid(id)) {
      return http::PageCursor::Refusal();
    }
    query.after = InboxKey{overdue == 1, submitted_at, id};
  }
  return query;
}

std::string EncodeInboxCursor(const InboxKey& key) {
  return InboxFormat().Encode({key.overdue ? 1LL : 0LL, key.submitted_at, key.id});
}

}  // namespace kutse::workflow::dto
