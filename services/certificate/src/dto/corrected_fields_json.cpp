#include "dto/corrected_fields_json.hpp"

namespace kutse::certificate::dto {

nlohmann::json CorrectedFieldsJson(const CorrectedFields& fields) {
  nlohmann::json json = nlohmann::json::object();
  if (fields.holder_name) {
    json["holder_name"] = *fields.holder_name;
  }
  if (fields.specialisation) {
    json["specialisation"] = *fields.specialisation;
  }
  if (fields.partial_qualification) {
    json["partial_qualification"] = *fields.partial_qualification;
  }
  if (fields.competences) {
    json["competences"] = *fields.competences;
  }
  if (fields.language) {
    json["language"] = *fields.language;
  }
  return json;
}

CorrectedFields CorrectedFieldsFromJson(const nlohmann::json& json) {
  CorrectedFields fields;
  auto text = [&json](const char* name) {
    return json.contains(name) && json[name].is_string()
               ? std::optional<std::string>(json[name].get<std::string>())
               : std::nullopt;
  };
  fields.holder_name = text("holder_name");
  fields.specialisation = text("specialisation");
  fields.partial_qualification = text("partial_qualification");
  fields.language = text("language");
  if (json.contains("competences") && json["competences"].is_array()) {
    std::vector<std::string> names;
    for (const auto& name : json["competences"]) {
      if (name.is_string()) {
        names.push_back(name.get<std::string>());
      }
    }
    fields.competences = std::move(names);
  }
  return fields;
}

}  // namespace kutse::certificate::dto
