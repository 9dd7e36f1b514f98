// Use cases of the register's reference data: the register keeper saves occupational standards and
// awarding bodies (a body with its complete set of rights, each naming a standard the register
// knows); anyone reads those in use.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/awarding_body.hpp"
#include "domain/occupational_standard.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::app {

template <typename T>
struct Saved {
  T value;       // as stored
  bool created;  // false: it replaced what was there
};

common::StatusOr<Saved<OccupationalStandard>> SaveStandard(pqxx::work& work, const auth::Identity& admin,
                                                           const OccupationalStandard& standard);
common::StatusOr<Saved<AwardingBody>> SaveAwardingBody(pqxx::work& work, const auth::Identity& admin,
                                                       const AwardingBody& body);

std::vector<OccupationalStandard> StandardsInUse(pqxx::transaction_base& tx);
common::StatusOr<OccupationalStandard> StandardInUse(pqxx::transaction_base& tx, const std::string& code);
std::vector<AwardingBody> ActiveBodies(pqxx::transaction_base& tx);
common::StatusOr<AwardingBody> ActiveBody(pqxx::transaction_base& tx, const std::string& registry_code);

}  // namespace kutse::certificate::app
