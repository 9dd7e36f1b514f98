#include "dto/request_data_json.hpp"

#include "kutse/common/json_or_null.hpp"

namespace kutse::workflow::dto {
namespace {

using OptionalText = std::optional<std::string> CorrectedFields::*;

// The corrected fields that are one text each, by their wire name.
constexpr std::pair<const char*, OptionalText> kTextFields[] = {
    {"holder_name", &CorrectedFields::holder_name},
    {"specialisation", &CorrectedFields::specialisation},
    {"partial_qualification", &CorrectedFields::partial_qualification},
    {"language", &CorrectedFields::language},
};

std::string TextOf(const nlohmann::json& json, const char* name) {
  return json.contains(name) && json[name].is_string() ? json[name].get<std::string>() : std::string();
}

std::optional<std::string> OptionalTextOf(const nlohmann::json& json, const char* name) {
  return json.contains(name) && json[name].is_string()
             ? std::optional<std::string>(json[name].get<std::string>())
             : std::nullopt;
}

ReprintDelivery DeliveryOf(const nlohmann::json& json) {
  ReprintDelivery delivery;
  delivery.method = ParseDeliveryMethod(TextOf(json, "method")).value_or(DeliveryMethod::kCollectInPerson);
  if (json.contains("address") && json["address"].is_object()) {
    const auto& address = json["address"];
    delivery.address =
        PostalAddress{TextOf(address, "recipient_name"), TextOf(address, "street"),
                      TextOf(address, "postal_code"), TextOf(address, "city"), TextOf(address, "country")};
  }
  return delivery;
}

DuplicateClaim DuplicateOf(const nlohmann::json& json) {
  DuplicateClaim claim;
  claim.reason = ParseDuplicateReason(TextOf(json, "reason")).value_or(DuplicateReason::kLost);
  claim.note = OptionalTextOf(json, "note");
  if (json.contains("corrected_fields") && json["corrected_fields"].is_object()) {
    const auto& fields = json["corrected_fields"];
    for (const auto& [name, member] : kTextFields) {
      claim.corrected.*member = OptionalTextOf(fields, name);
    }
    if (fields.contains("competences") && fields["competences"].is_array()) {
      claim.corrected.competences = fields["competences"].get<std::vector<std::string>>();
    }
  }
  return claim;
}

DecisionRefusal RefusalOf(const nlohmann::json& json) {
  const nlohmann::json message = json.contains("message") ? json["message"] : nlohmann::json::object();
  return DecisionRefusal{TextOf(json, "code"), TextOf(json, "message_key"), TextOf(message, "et"),
                         TextOf(message, "en"), TextOf(json, "refused_at")};
}

}  // namespace

nlohmann::json RefusalJson(const DecisionRefusal& refusal) {
  return {{"code", refusal.code},
          {"message_key", refusal.message_key},
          {"message", {{"et", refusal.message_et}, {"en", refusal.message_en}}},
          {"refused_at", refusal.refused_at}};
}

nlohmann::json DeliveryJson(const ReprintDelivery& delivery) {
  nlohmann::json json = {{"method", ToString(delivery.method)}};
  if (delivery.address) {
    const PostalAddress& address = *delivery.address;
    json["address"] = {{"recipient_name", address.recipient_name},
                       {"street", address.street},
                       {"postal_code", address.postal_code},
                       {"city", address.city},
                       {"country", address.country}};
  }
  return json;
}

nlohmann::json DuplicateJson(const DuplicateClaim& claim) {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [name, member] : kTextFields) {
    if (claim.corrected.*member) {
      fields[name] = *(claim.corrected.*member);
    }
  }
  if (claim.corrected.competences) {
    fields["competences"] = *claim.corrected.competences;
  }
  return {{"reason", ToString(claim.reason)},
          {"corrected_fields", fields},
          {"note", common::JsonOrNull(claim.note)}};
}

nlohmann::json KindDataJson(const Request& request) {
  nlohmann::json data = nlohmann::json::object();
  if (request.delivery) {
    data = {{"delivery", DeliveryJson(*request.delivery)}};
  } else if (request.duplicate) {
    data = DuplicateJson(*request.duplicate);
  }
  if (request.refusal) {
    data["refusal"] = RefusalJson(*request.refusal);
  }
  return data;
}

void ReadKindData(const nlohmann::json& data, Request& request) {
  if (request.kind == RequestKind::kReprint && data.contains("delivery") && data["delivery"].is_object()) {
    request.delivery = DeliveryOf(data["delivery"]);
  } else if (request.kind == RequestKind::kDuplicate) {
    request.duplicate = DuplicateOf(data);
  }
  if (data.contains("refusal") && data["refusal"].is_object()) {
    request.refusal = RefusalOf(data["refusal"]);
  }
}

}  // namespace kutse::workflow::dto
