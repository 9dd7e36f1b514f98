// The person an ID token from TARA (or a provider that behaves like it) names: sub = "EE" + personal
// code, names and date of birth under profile_attributes, how they authenticated (amr, acr).
#pragma once

#include <string>
#include <vector>

namespace kutse::gateway {

struct TaraPerson {
  std::string personal_code;
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;  // YYYY-MM-DD; personal data: never logged at info
  std::vector<std::string> amr;
  std::string acr;

  std::string FullName() const { return given_name + (given_name.empty() ? "" : " ") + family_name; }
};

}  // namespace kutse::gateway
