// An occupational standard of the register: the qualification a certificate attests, at one EstQF
// level, with its specialisations, partial qualifications and competences, and how long the
// certificates it gives are valid. Kept by the register's admin. No I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kutse::certificate {

// A specialisation, partial qualification or competence of a standard.
struct StandardPart {
  std::string code;
  std::string name_et;
  std::optional<std::string> name_en;
};

struct OccupationalStandard {
  std::string code;
  std::string name_et;
  std::optional<std::string> name_en;
  int estqf_level = 0;
  int eqf_level = 0;
  std::optional<int> validity_years;  // nullopt: open-ended
  std::vector<StandardPart> specialisations;
  std::vector<StandardPart> partial_qualifications;
  std::vector<StandardPart> competences;
  bool active = true;
};

bool IsStandardCode(const std::string& code);
const StandardPart* FindPart(const std::vector<StandardPart>& parts, const std::string& code);

}  // namespace kutse::certificate
