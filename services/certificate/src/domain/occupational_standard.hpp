// An occupational standard of the register: the qualification a certificate attests, at one EstQF
// level, with its specialisations, partial qualifications and competences, and how long the
// certificates it gives are valid. Kept by the register's admin. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/field_checks.hpp"

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

// The admin's description of a standard (the code comes from the path).
std::variant<OccupationalStandard, FieldErrors> ParseOccupationalStandard(const std::string& code,
                                                                          const nlohmann::json& body);

nlohmann::json ToJson(const OccupationalStandard& standard);
nlohmann::json PartsToJson(const std::vector<StandardPart>& parts);
// Parts as stored (a JSON array written by PartsToJson).
std::vector<StandardPart> PartsFromJson(const nlohmann::json& parts);

}  // namespace kutse::certificate
