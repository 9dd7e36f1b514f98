#include "db/reference_repository.hpp"

#include "db/sql.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::certificate {
namespace {

std::optional<common::Date> DateOf(const pqxx::field& field) {
  return field.is_null() ? std::nullopt : common::ParseDate(field.as<std::string>());
}

OccupationalStandard ReadStandard(const pqxx::row& row) {
  OccupationalStandard standard;
  standard.code = row[0].as<std::string>();
  standard.name_et = row[1].as<std::string>();
  standard.name_en = db::OptionalText(row[2]);
  standard.estqf_level = row[3].as<int>();
  standard.eqf_level = row[4].as<int>();
  if (!row[5].is_null()) {
    standard.validity_years = row[5].as<int>();
  }
  standard.specialisations = PartsFromJson(nlohmann::json::parse(row[6].as<std::string>()));
  standard.partial_qualifications = PartsFromJson(nlohmann::json::parse(row[7].as<std::string>()));
  standard.competences = PartsFromJson(nlohmann::json::parse(row[8].as<std::string>()));
  standard.active = row[9].as<bool>();
  return standard;
}

AwardingBody ReadBody(const pqxx::row& row) {
  AwardingBody body;
  body.registry_code = row[0].as<std::string>();
  body.name = row[1].as<std::string>();
  body.email = db::OptionalText(row[2]);
  body.phone = db::OptionalText(row[3]);
  body.address = db::OptionalText(row[4]);
  body.website = db::OptionalText(row[5]);
  body.active = row[6].as<bool>();
  return body;
}

}  // namespace

common::Date ReferenceRepository::RegisterToday() {
  return *common::ParseDate(tx_.exec_prepared1(sql::kRegisterToday)[0].as<std::string>());
}

std::vector<OccupationalStandard> ReferenceRepository::ActiveStandards(
    const std::optional<std::string>& code) {
  std::vector<OccupationalStandard> standards;
  for (const auto& row : tx_.exec_prepared(sql::kActiveStandards, db::NullableParam(code))) {
    standards.push_back(ReadStandard(row));
  }
  return standards;
}

std::map<std::string, OccupationalStandard> ReferenceRepository::StandardsByCodes(
    const std::vector<std::string>& codes) {
  std::map<std::string, OccupationalStandard> standards;
  for (const auto& row : tx_.exec_prepared(sql::kStandardsByCodes, nlohmann::json(codes).dump())) {
    OccupationalStandard standard = ReadStandard(row);
    standards.emplace(standard.code, std::move(standard));
  }
  return standards;
}

bool ReferenceRepository::SaveStandard(const OccupationalStandard& standard, const std::string& saved_by) {
  const auto validity_years = db::NumberText(standard.validity_years);
  return tx_
      .exec_prepared1(sql::kUpsertStandard, standard.code, standard.name_et,
                      db::NullableParam(standard.name_en), standard.estqf_level, standard.eqf_level,
                      db::NullableParam(validity_years), PartsToJson(standard.specialisations).dump(),
                      PartsToJson(standard.partial_qualifications).dump(),
                      PartsToJson(standard.competences).dump(), standard.active, saved_by)[0]
      .as<bool>();
}

void ReferenceRepository::AttachRights(std::vector<AwardingBody>& bodies) {
  std::map<std::string, AwardingBody*> by_code;
  nlohmann::json codes = nlohmann::json::array();
  for (auto& body : bodies) {
    by_code[body.registry_code] = &body;
    codes.push_back(body.registry_code);
  }
  for (const auto& row : tx_.exec_prepared(sql::kRightsOfBodies, codes.dump())) {
    AwardingRight right;
    right.standard_code = row[1].as<std::string>();
    right.valid_from = *DateOf(row[2]);
    right.valid_until = DateOf(row[3]);
    right.standard_name = row[4].as<std::string>();
    right.level = row[5].as<int>();
    by_code.at(row[0].as<std::string>())->rights.push_back(std::move(right));
  }
}

std::vector<AwardingBody> ReferenceRepository::ActiveBodies() {
  std::vector<AwardingBody> bodies;
  for (const auto& row : tx_.exec_prepared(sql::kActiveBodies)) {
    bodies.push_back(ReadBody(row));
  }
  AttachRights(bodies);
  return bodies;
}

std::optional<AwardingBody> ReferenceRepository::FindBody(const std::string& registry_code) {
  auto rows = tx_.exec_prepared(sql::kBodyByCode, registry_code);
  if (rows.empty()) {
    return std::nullopt;
  }
  std::vector<AwardingBody> bodies{ReadBody(rows[0])};
  AttachRights(bodies);
  return bodies.front();
}

bool ReferenceRepository::SaveBody(const AwardingBody& body, const std::string& saved_by) {
  bool created =
      tx_.exec_prepared1(sql::kUpsertBody, body.registry_code, body.name, db::NullableParam(body.email),
                         db::NullableParam(body.phone), db::NullableParam(body.address),
                         db::NullableParam(body.website), body.active, saved_by)[0]
          .as<bool>();
  tx_.exec_prepared(sql::kDeleteRights, body.registry_code);
  nlohmann::json rights = nlohmann::json::array();
  for (const auto& right : body.rights) {
    rights.push_back({{"standard_code", right.standard_code},
                      {"valid_from", right.valid_from.ToString()},
                      {"valid_until", right.valid_until ? nlohmann::json(right.valid_until->ToString())
                                                        : nlohmann::json(nullptr)}});
  }
  tx_.exec_prepared(sql::kInsertRights, body.registry_code, rights.dump());
  return created;
}

void ReferenceRepository::LockBody(const std::string& registry_code) {
  tx_.exec_prepared(sql::kLockBody, registry_code);
}

}  // namespace kutse::certificate
