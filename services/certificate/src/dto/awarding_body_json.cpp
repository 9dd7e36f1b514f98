#include "dto/awarding_body_json.hpp"

#include "domain/occupational_standard.hpp"
#include "kutse/common/json_or_null.hpp"
#include "kutse/common/text.hpp"
#include "kutse/http/json_fields.hpp"

namespace kutse::certificate::dto {
namespace {

using common::FieldErrors;
using common::Msg;

constexpr size_t kMaxRights = 1000;

std::vector<AwardingRight> ParseRights(const nlohmann::json& body, FieldErrors& errors) {
  std::vector<AwardingRight> rights;
  // Required: a body sent without the member would silently lose every right it had.
  if (http::IsAbsent(body, "rights")) {
    errors.push_back({"/rights", Msg("field.required")});
    return rights;
  }
  if (!body["rights"].is_array() || body["rights"].size() > kMaxRights) {
    errors.push_back({"/rights", Msg("field.list_of_at_most", {{"max", std::to_string(kMaxRights)}})});
    return rights;
  }
  for (size_t i = 0; i < body["rights"].size(); ++i) {
    const std::string prefix = "/rights/" + std::to_string(i);
    const auto& item = body["rights"][i];
    if (!item.is_object()) {
      errors.push_back({prefix, Msg("body.right_shape")});
      continue;
    }
    FieldErrors item_errors = http::UnknownFields(item, {"standard_code", "valid_from", "valid_until"});
    auto code = http::RequiredText(item, "standard_code", 40, item_errors);
    if (code && !IsStandardCode(*code)) {
      item_errors.push_back({"/standard_code", Msg("standard.not_a_code")});
    }
    auto from = http::RequiredDate(item, "valid_from", item_errors);
    auto until = http::OptionalDate(item, "valid_until", item_errors, http::Null::kAllowed);
    if (from && until && *until < *from) {
      item_errors.push_back({"/valid_until", Msg("date.not_before_valid_from")});
    }
    for (const auto& earlier : rights) {
      if (code && from && earlier.standard_code == *code && earlier.valid_from == *from) {
        item_errors.push_back({"", Msg("body.right_repeated")});
      }
    }
    http::AddPrefixed(errors, prefix, item_errors);
    if (item_errors.empty()) {
      rights.push_back(AwardingRight{*code, *from, until, "", 0});
    }
  }
  return rights;
}

}  // namespace

common::StatusOr<AwardingBody> ParseAwardingBody(const std::string& registry_code,
                                                 const nlohmann::json& body) {
  FieldErrors errors;
  if (!common::IsRegistryCode(registry_code)) {
    errors.push_back({"/registry_code", Msg("body.registry_code_form")});
  }
  http::AddPrefixed(
      errors, "",
      http::UnknownFields(body, {"name", "email", "phone", "address", "website", "active", "rights"}));
  AwardingBody result;
  result.registry_code = registry_code;
  auto name = http::RequiredText(body, "name", 300, errors);
  result.email =
      http::OptionalText(body, "email", http::TextLimits{3, 254, false}, errors, http::Null::kAllowed);
  if (result.email && result.email->find('@') == std::string::npos) {
    errors.push_back({"/email", Msg("body.email_form")});
  }
  result.phone =
      http::OptionalText(body, "phone", http::TextLimits{3, 40, false}, errors, http::Null::kAllowed);
  result.address = http::OptionalText(body, "address", 300, errors, http::Null::kAllowed);
  result.website = http::OptionalText(body, "website", 300, errors, http::Null::kAllowed);
  result.active = http::OptionalBoolean(body, "active", true, errors);
  result.rights = ParseRights(body, errors);
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors));
  }
  result.name = *name;
  return result;
}

nlohmann::json AwardingBodyJson(const AwardingBody& body) {
  nlohmann::json rights = nlohmann::json::array();
  for (const auto& right : body.rights) {
    rights.push_back({{"standard_code", right.standard_code},
                      {"standard_name", right.standard_name},
                      {"level", right.level},
                      {"valid_from", right.valid_from.ToString()},
                      {"valid_until", right.valid_until ? nlohmann::json(right.valid_until->ToString())
                                                        : nlohmann::json(nullptr)}});
  }
  return {{"registry_code", body.registry_code},
          {"name", body.name},
          {"email", common::JsonOrNull(body.email)},
          {"phone", common::JsonOrNull(body.phone)},
          {"address", common::JsonOrNull(body.address)},
          {"website", common::JsonOrNull(body.website)},
          {"rights", rights}};
}

}  // namespace kutse::certificate::dto
