#include "domain/occupational_standard.hpp"

#include <regex>
#include <set>

#include "kutse/common/json_or_null.hpp"

namespace kutse::certificate {
namespace {

constexpr size_t kMaxParts = 200;

// A list of {code, name_et, name_en?} with codes unique within the list.
std::vector<StandardPart> ParseParts(const nlohmann::json& body, const std::string& name,
                                     FieldErrors& errors) {
  std::vector<StandardPart> parts;
  if (IsAbsent(body, name)) {
    return parts;
  }
  if (!body[name].is_array() || body[name].size() > kMaxParts) {
    errors.push_back({"/" + name, "must be a list of at most " + std::to_string(kMaxParts) + " entries"});
    return parts;
  }
  std::set<std::string> codes;
  for (size_t i = 0; i < body[name].size(); ++i) {
    const std::string prefix = "/" + name + "/" + std::to_string(i);
    const auto& item = body[name][i];
    if (!item.is_object()) {
      errors.push_back({prefix, "must be an object with code, name_et and name_en"});
      continue;
    }
    FieldErrors item_errors = UnknownFields(item, {"code", "name_et", "name_en"});
    auto code = RequiredText(item, "code", 40, item_errors);
    auto name_et = RequiredText(item, "name_et", 300, item_errors);
    auto name_en = OptionalText(item, "name_en", 300, item_errors);
    if (code && !codes.insert(*code).second) {
      item_errors.push_back({"/code", "appears twice in this list"});
    }
    AddPrefixed(errors, prefix, item_errors);
    if (item_errors.empty()) {
      parts.push_back({*code, *name_et, name_en});
    }
  }
  return parts;
}

}  // namespace

bool IsStandardCode(const std::string& code) {
  static const std::regex kPattern("[A-Za-z0-9][A-Za-z0-9._/-]{0,39}");
  return std::regex_match(code, kPattern);
}

const StandardPart* FindPart(const std::vector<StandardPart>& parts, const std::string& code) {
  for (const auto& part : parts) {
    if (part.code == code) {
      return &part;
    }
  }
  return nullptr;
}

std::variant<OccupationalStandard, FieldErrors> ParseOccupationalStandard(const std::string& code,
                                                                          const nlohmann::json& body) {
  FieldErrors errors =
      UnknownFields(body, {"name_et", "name_en", "estqf_level", "eqf_level", "validity_years",
                           "specialisations", "partial_qualifications", "competences", "active"});
  OccupationalStandard standard;
  standard.code = code;
  auto name_et = RequiredText(body, "name_et", 300, errors);
  standard.name_en = OptionalText(body, "name_en", 300, errors);
  auto estqf = RequiredInteger(body, "estqf_level", 1, 8, errors);
  auto eqf = RequiredInteger(body, "eqf_level", 1, 8, errors);
  standard.validity_years = OptionalInteger(body, "validity_years", 1, 20, errors);
  standard.specialisations = ParseParts(body, "specialisations", errors);
  standard.partial_qualifications = ParseParts(body, "partial_qualifications", errors);
  standard.competences = ParseParts(body, "competences", errors);
  standard.active = OptionalBoolean(body, "active", true, errors);
  if (!errors.empty()) {
    return errors;
  }
  standard.name_et = *name_et;
  standard.estqf_level = *estqf;
  standard.eqf_level = *eqf;
  return standard;
}

nlohmann::json PartsToJson(const std::vector<StandardPart>& parts) {
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

nlohmann::json ToJson(const OccupationalStandard& standard) {
  return {{"code", standard.code},
          {"name_et", standard.name_et},
          {"name_en", common::JsonOrNull(standard.name_en)},
          {"estqf_level", standard.estqf_level},
          {"eqf_level", standard.eqf_level},
          {"validity_years", common::JsonOrNull(standard.validity_years)},
          {"specialisations", PartsToJson(standard.specialisations)},
          {"partial_qualifications", PartsToJson(standard.partial_qualifications)},
          {"competences", PartsToJson(standard.competences)}};
}

}  // namespace kutse::certificate
