#include "dto/standard_json.hpp"

#include <set>

#include "kutse/common/json_or_null.hpp"
#include "kutse/http/json_fields.hpp"

namespace kutse::certificate::dto {
namespace {

using common::FieldErrors;
using common::Msg;

constexpr size_t kMaxParts = 200;

// A list of {code, name_et, name_en?} with codes unique within the list.
std::vector<StandardPart> ParseParts(const nlohmann::json& body, const std::string& name,
                                     FieldErrors& errors) {
  std::vector<StandardPart> parts;
  if (http::IsOmitted(body, name, errors)) {
    return parts;
  }
  if (!body[name].is_array() || body[name].size() > kMaxParts) {
    errors.push_back({"/" + name, Msg("field.list_of_at_most", {{"max", std::to_string(kMaxParts)}})});
    return parts;
  }
  std::set<std::string> codes;
  for (size_t i = 0; i < body[name].size(); ++i) {
    const std::string prefix = "/" + name + "/" + std::to_string(i);
    const auto& item = body[name][i];
    if (!item.is_object()) {
      errors.push_back({prefix, Msg("standard.part_shape")});
      continue;
    }
    FieldErrors item_errors = http::UnknownFields(item, {"code", "name_et", "name_en"});
    auto code = http::RequiredText(item, "code", 40, item_errors);
    auto name_et = http::RequiredText(item, "name_et", 300, item_errors);
    auto name_en = http::OptionalText(item, "name_en", 300, item_errors, http::Null::kAllowed);
    if (code && !codes.insert(*code).second) {
      item_errors.push_back({"/code", Msg("field.appears_twice")});
    }
    http::AddPrefixed(errors, prefix, item_errors);
    if (item_errors.empty()) {
      parts.push_back({*code, *name_et, name_en});
    }
  }
  return parts;
}

}  // namespace

common::StatusOr<OccupationalStandard> ParseOccupationalStandard(const std::string& code,
                                                                 const nlohmann::json& body) {
  FieldErrors errors;
  if (!IsStandardCode(code)) {
    errors.push_back({"/code", Msg("standard.code_form")});
  }
  http::AddPrefixed(
      errors, "",
      http::UnknownFields(body, {"name_et", "name_en", "estqf_level", "eqf_level", "validity_years",
                                 "specialisations", "partial_qualifications", "competences", "active"}));
  OccupationalStandard standard;
  standard.code = code;
  auto name_et = http::RequiredText(body, "name_et", 300, errors);
  standard.name_en = http::OptionalText(body, "name_en", 300, errors, http::Null::kAllowed);
  auto estqf = http::RequiredInteger(body, "estqf_level", 1, 8, errors);
  auto eqf = http::RequiredInteger(body, "eqf_level", 1, 8, errors);
  standard.validity_years =
      http::OptionalInteger(body, "validity_years", 1, 20, errors, http::Null::kAllowed);
  standard.specialisations = ParseParts(body, "specialisations", errors);
  standard.partial_qualifications = ParseParts(body, "partial_qualifications", errors);
  standard.competences = ParseParts(body, "competences", errors);
  standard.active = http::OptionalBoolean(body, "active", true, errors);
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors));
  }
  standard.name_et = *name_et;
  standard.estqf_level = *estqf;
  standard.eqf_level = *eqf;
  return standard;
}

nlohmann::json PartsJson(const std::vector<StandardPart>& parts) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& part : parts) {
    list.push_back(
        {{"code", part.code}, {"name_et", part.name_et}, {"name_en", common::JsonOrNull(part.name_en)}});
  }
  return list;
}

std::vector<StandardPart> PartsFromJson(const nlohmann::json& parts) {
  std::vector<StandardPart> result;
  for (const auto& part : parts) {
    StandardPart item{part.at("code").get<std::string>(), part.at("name_et").get<std::string>(),
                      std::nullopt};
    if (part.contains("name_en") && part["name_en"].is_string()) {
      item.name_en = part["name_en"].get<std::string>();
    }
    result.push_back(std::move(item));
  }
  return result;
}

nlohmann::json StandardJson(const OccupationalStandard& standard) {
  return {{"code", standard.code},
          {"name_et", standard.name_et},
          {"name_en", common::JsonOrNull(standard.name_en)},
          {"estqf_level", standard.estqf_level},
          {"eqf_level", standard.eqf_level},
          {"validity_years", common::JsonOrNull(standard.validity_years)},
          {"specialisations", PartsJson(standard.specialisations)},
          {"partial_qualifications", PartsJson(standard.partial_qualifications)},
          {"competences", PartsJson(standard.competences)}};
}

}  // namespace kutse::certificate::dto
