// Examples of the register's data shared by the certificate service's rule tests: a welder's
// standard, a body that may award it from 2020 to the end of 2026, and a certificate it issued.
#pragma once

#include "domain/awarding_body.hpp"
#include "domain/certificate.hpp"
#include "domain/occupational_standard.hpp"

namespace kutse::certificate::testing {

inline OccupationalStandard Welder() {
  OccupationalStandard standard;
  standard.code = "KEEV-4";
  standard.name_et = "Keevitaja, tase 4";
  standard.name_en = "Welder, level 4";
  standard.estqf_level = 4;
  standard.eqf_level = 4;
  standard.validity_years = 5;
  standard.specialisations = {{"MAG", "MAG-keevitus", std::nullopt}};
  standard.partial_qualifications = {{"OK1", "Plekkide keevitamine", std::string("Welding of plates")}};
  standard.competences = {{"K1", "Keevitamine", std::nullopt}, {"K2", "Lõikamine", std::nullopt}};
  return standard;
}

inline AwardingBody WelderBody() {
  AwardingBody body;
  body.registry_code = "80012345";
  body.name = "Eesti Keevitusühing";
  body.rights = {{"KEEV-4", common::Date{2020, 1, 1}, common::Date{2026, 12, 31}, "", 0}};
  return body;
}

// Valid, published, issued by WelderBody() in 2022.
inline Certificate WeldersCertificate() {
  Certificate certificate;
  certificate.number = "K-000007";
  certificate.holder_personal_code = "49102030219";
  certificate.holder_name = "Õie Šmidt";
  certificate.standard_code = "KEEV-4";
  certificate.standard_name = "Keevitaja, tase 4";
  certificate.level = 4;
  certificate.awarding_body_id = "80012345";
  certificate.issue_date = common::Date{2022, 3, 1};
  certificate.valid_from = common::Date{2022, 3, 1};
  certificate.valid_until = common::Date{2027, 2, 28};
  certificate.competences = {"Keevitamine"};
  certificate.published = true;
  return certificate;
}

}  // namespace kutse::certificate::testing
