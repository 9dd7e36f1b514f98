#include "db/awarding_body_repository.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "db/sql.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::certificate {
namespace {

std::optional<common::Date> DateOf(const pqxx::field& field) {
  return field.is_null() ? std::nullopt : common::ParseDate(field.as<std::string>());
}

AwardingBody ReadBody(const pqxx::row& row) {
  AwardingBody body;
  body.registry_code = row["registry_code"].as<std::string>();
  body.name = row["name"].as<std::string>();
  body.email = db::OptionalText(row["email"]);
  body.phone = db::OptionalText(row["phone"]);
  body.address = db::OptionalText(row["address"]);
  body.website = db::OptionalText(row["website"]);
  body.active = row["active"].as<bool>();
  return body;
}

}  // namespace

void AwardingBodyRepository::AttachRights(std::vector<AwardingBody>& bodies) {
  std::map<std::string, AwardingBody*> by_code;
  nlohmann::json codes = nlohmann::json::array();
  for (auto& body : bodies) {
    by_code[body.registry_code] = &body;
    codes.push_back(body.registry_code);
  }
  for (const auto& row : tx_.exec_prepared(sql::kRightsOfBodies.name, codes.dump())) {
    AwardingRight right;
    right.standard_code = row["standard_code"].as<std::string>();
    right.valid_from = DateOf(row["valid_from"]).value_or(common::Date{});
    right.valid_until = DateOf(row["valid_until"]);
    right.standard_name = row["standard_name"].as<std::string>();
    right.level = row["level"].as<int>();
    by_code.at(row["registry_code"].as<std::string>())->rights.push_back(std::move(right));
  }
}

std::vector<AwardingBody> AwardingBodyRepository::Active() {
  std::vector<AwardingBody> bodies;
  for (const auto& row : tx_.exec_prepared(sql::kActiveBodies.name)) {
    bodies.push_back(ReadBody(row));
  }
  AttachRights(bodies);
  return bodies;
}

std::optional<AwardingBody> AwardingBodyRepository::Find(const std::string& registry_code) {
  auto rows = tx_.exec_prepared(sql::kBodyByCode.name, registry_code);
  if (rows.empty()) {
    return std::nullopt;
  }
  std::vector<AwardingBody> bodies{ReadBody(rows[0])};
  AttachRights(bodies);
  return bodies.front();
}

bool AwardingBodyRepository::Save(const AwardingBody& body, const std::string& saved_by) {
  bool created =
      tx_.exec_prepared1(sql::kUpsertBody.name, body.registry_code, body.name, db::NullableParam(body.email),
                         db::NullableParam(body.phone), db::NullableParam(body.address),
                         db::NullableParam(body.website), body.active, saved_by)["created"]
          .as<bool>();
  tx_.exec_prepared(sql::kDeleteRights.name, body.registry_code);
  nlohmann::json rights = nlohmann::json::array();
  for (const auto& right : body.rights) {
    rights.push_back({{"standard_code", right.standard_code},
                      {"valid_from", right.valid_from.ToString()},
                      {"valid_until", right.valid_until ? nlohmann::json(right.valid_until->ToString())
                                                        : nlohmann::json(nullptr)}});
  }
  tx_.exec_prepared(sql::kInsertRights.name, body.registry_code, rights.dump());
  return created;
}

void AwardingBodyRepository::Lock(const std::string& registry_code) {
  tx_.exec_prepared(sql::kLockBody.name, registry_code);
}

}  // namespace kutse::certificate
