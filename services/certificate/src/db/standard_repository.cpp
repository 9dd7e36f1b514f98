#include "db/standard_repository.hpp"

#include <nlohmann/json.hpp>

#include "db/sql.hpp"
#include "dto/standard_json.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::certificate {
namespace {

std::vector<StandardPart> PartsOf(const pqxx::field& field) {
  return dto::PartsFromJson(nlohmann::json::parse(field.as<std::string>()));
}

OccupationalStandard ReadStandard(const pqxx::row& row) {
  OccupationalStandard standard;
  standard.code = row["code"].as<std::string>();
  standard.name_et = row["name_et"].as<std::string>();
  standard.name_en = db::OptionalText(row["name_en"]);
  standard.estqf_level = row["estqf_level"].as<int>();
  standard.eqf_level = row["eqf_level"].as<int>();
  if (!row["validity_years"].is_null()) {
    standard.validity_years = row["validity_years"].as<int>();
  }
  standard.specialisations = PartsOf(row["specialisations"]);
  standard.partial_qualifications = PartsOf(row["partial_qualifications"]);
  standard.competences = PartsOf(row["competences"]);
  standard.active = row["active"].as<bool>();
  return standard;
}

}  // namespace

std::vector<OccupationalStandard> StandardRepository::Active(const std::optional<std::string>& code) {
  std::vector<OccupationalStandard> standards;
  for (const auto& row : tx_.exec_prepared(sql::kActiveStandards.name, db::NullableParam(code))) {
    standards.push_back(ReadStandard(row));
  }
  return standards;
}

std::map<std::string, OccupationalStandard> StandardRepository::ByCodes(
    const std::vector<std::string>& codes) {
  std::map<std::string, OccupationalStandard> standards;
  for (const auto& row : tx_.exec_prepared(sql::kStandardsByCodes.name, nlohmann::json(codes).dump())) {
    OccupationalStandard standard = ReadStandard(row);
    standards.emplace(standard.code, std::move(standard));
  }
  return standards;
}

bool StandardRepository::Save(const OccupationalStandard& standard, const std::string& saved_by) {
  const auto validity_years = db::NumberText(standard.validity_years);
  return tx_
      .exec_prepared1(sql::kUpsertStandard.name, standard.code, standard.name_et,
                      db::NullableParam(standard.name_en), standard.estqf_level, standard.eqf_level,
                      db::NullableParam(validity_years), dto::PartsJson(standard.specialisations).dump(),
                      dto::PartsJson(standard.partial_qualifications).dump(),
                      dto::PartsJson(standard.competences).dump(), standard.active, saved_by)["created"]
      .as<bool>();
}

}  // namespace kutse::certificate
