#include "domain/awarding_body.hpp"

#include "domain/occupational_standard.hpp"
#include "kutse/common/json_or_null.hpp"

namespace kutse::certificate {
namespace {

constexpr size_t kMaxRights = 1000;

std::vector<AwardingRight> ParseRights(const nlohmann::json& body, FieldErrors& errors) {
  std::vector<AwardingRight> rights;
  if (IsAbsent(body, "rights")) {
    return rights;
  }
  if (!body["rights"].is_array() || body["rights"].size() > kMaxRights) {
    errors.push_back({"/rights", "must be a list of at most " + std::to_string(kMaxRights) + " rights"});
    return rights;
  }
  for (size_t i = 0; i < body["rights"].size(); ++i) {
    const std::string prefix = "/rights/" + std::to_string(i);
    const auto& item = body["rights"][i];
    if (!item.is_object()) {
      errors.push_back({prefix, "must be an object with standard_code, valid_from and valid_until"});
      continue;
    }
    FieldErrors item_errors = UnknownFields(item, {"standard_code", "valid_from", "valid_until"});
    auto code = RequiredText(item, "standard_code", 40, item_errors);
    if (code && !IsStandardCode(*code)) {
      item_errors.push_back({"/standard_code", "is not a standard code"});
    }
    auto from = RequiredDate(item, "valid_from", item_errors);
    auto until = OptionalDate(item, "valid_until", item_errors);
    if (from && until && *until < *from) {
      item_errors.push_back({"/valid_until", "must not be before valid_from"});
    }
    for (const auto& earlier : rights) {
      if (code && from && earlier.standard_code == *code && earlier.valid_from == *from) {
        item_errors.push_back({"", "repeats an earlier right for the same standard and start"});
      }
    }
    AddPrefixed(errors, prefix, item_errors);
    if (item_errors.empty()) {
      rights.push_back(AwardingRight{*code, *from, until, "", 0});
    }
  }
  return rights;
}

}  // namespace

bool AwardingRight::Covers(const common::Date& day) const {
  return !(day < valid_from) && (!valid_until || !(*valid_until < day));
}

bool AwardingBody::MayAward(const std::string& standard_code, const common::Date& day) const {
  if (!active) {
    return false;
  }
  for (const auto& right : rights) {
    if (right.standard_code == standard_code && right.Covers(day)) {
      return true;
    }
  }
  return false;
}

std::variant<AwardingBody, FieldErrors> ParseAwardingBody(const std::string& registry_code,
                                                          const nlohmann::json& body) {
  FieldErrors errors =
      UnknownFields(body, {"name", "email", "phone", "address", "website", "active", "rights"});
  AwardingBody result;
  result.registry_code = registry_code;
  auto name = RequiredText(body, "name", 300, errors);
  result.email = OptionalText(body, "email", 254, errors);
  if (result.email && (result.email->size() < 3 || result.email->find('@') == std::string::npos)) {
    errors.push_back({"/email", "must be an e-mail address"});
  }
  result.phone = OptionalText(body, "phone", 40, errors);
  result.address = OptionalText(body, "address", 300, errors);
  result.website = OptionalText(body, "website", 300, errors);
  result.active = OptionalBoolean(body, "active", true, errors);
  result.rights = ParseRights(body, errors);
  if (!errors.empty()) {
    return errors;
  }
  result.name = *name;
  return result;
}

nlohmann::json ToJson(const AwardingBody& body) {
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

}  // namespace kutse::certificate
