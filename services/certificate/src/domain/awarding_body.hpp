// An awarding body (a legal person with an Estonian registry code) and its rights: which standards
// it may award, from when and until when. Kept by the register's admin. No I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kutse/common/time_format.hpp"

namespace kutse::certificate {

struct AwardingRight {
  std::string standard_code;
  common::Date valid_from;
  std::optional<common::Date> valid_until;  // nullopt: until further notice
  // Shown with the right; filled when read from the register, not when parsed.
  std::string standard_name;
  int level = 0;

  bool Covers(const common::Date& day) const;
};

struct AwardingBody {
  std::string registry_code;
  std::string name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> address;
  std::optional<std::string> website;
  bool active = true;
  std::vector<AwardingRight> rights;

  // Whether the body may issue a certificate of this standard dated `day`.
  bool MayAward(const std::string& standard_code, const common::Date& day) const;
};

}  // namespace kutse::certificate
