#include "app/reference_data.hpp"

#include "db/awarding_body_repository.hpp"
#include "db/standard_repository.hpp"
#include "kutse/common/text.hpp"

namespace kutse::certificate::app {

using common::Msg;

common::StatusOr<Saved<OccupationalStandard>> SaveStandard(pqxx::work& work, const auth::Identity& admin,
                                                           const OccupationalStandard& standard) {
  bool created = StandardRepository(work).Save(standard, admin.Subject());
  return Saved<OccupationalStandard>{standard, created};
}

common::StatusOr<Saved<AwardingBody>> SaveAwardingBody(pqxx::work& work, const auth::Identity& admin,
                                                       const AwardingBody& body) {
  std::vector<std::string> codes;
  for (const auto& right : body.rights) {
    codes.push_back(right.standard_code);
  }
  auto standards = StandardRepository(work).ByCodes(codes);
  common::FieldErrors errors;
  for (size_t i = 0; i < body.rights.size(); ++i) {
    if (standards.count(body.rights[i].standard_code) == 0) {
      errors.push_back({"/rights/" + std::to_string(i) + "/standard_code", Msg("import.unknown_standard")});
    }
  }
  if (!errors.empty()) {
    return common::InvalidArgument(Msg("body.rights_name_unknown_standards"), std::move(errors));
  }
  AwardingBodyRepository bodies(work);
  bool created = bodies.Save(body, admin.Subject());
  return Saved<AwardingBody>{*bodies.Find(body.registry_code), created};
}

std::vector<OccupationalStandard> StandardsInUse(pqxx::transaction_base& tx) {
  return StandardRepository(tx).Active();
}

common::StatusOr<OccupationalStandard> StandardInUse(pqxx::transaction_base& tx, const std::string& code) {
  auto found =
      IsStandardCode(code) ? StandardRepository(tx).Active(code) : std::vector<OccupationalStandard>{};
  if (found.empty()) {
    return common::NotFound(Msg("standard.not_found"));
  }
  return found.front();
}

std::vector<AwardingBody> ActiveBodies(pqxx::transaction_base& tx) {
  return AwardingBodyRepository(tx).Active();
}

common::StatusOr<AwardingBody> ActiveBody(pqxx::transaction_base& tx, const std::string& registry_code) {
  auto body =
      common::IsRegistryCode(registry_code) ? AwardingBodyRepository(tx).Find(registry_code) : std::nullopt;
  if (!body || !body->active) {
    return common::NotFound(Msg("body.not_found"));
  }
  return *body;
}

}  // namespace kutse::certificate::app
