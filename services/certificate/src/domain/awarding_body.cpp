#include "domain/awarding_body.hpp"

namespace kutse::certificate {

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

}  // namespace kutse::certificate
