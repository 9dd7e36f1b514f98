// What the certificate events tell beside the register's Certificate: names kept elsewhere in the
// register (the standard's English name, the awarding body's name), so that a consumer such as the
// notification service can word a notice in either language without asking the register back.
#pragma once

#include <optional>
#include <string>

namespace kutse::certificate {

struct CertificateEventNames {
  std::optional<std::string> standard_name_en;    // nullopt: the register has no English name
  std::optional<std::string> awarding_body_name;  // nullopt: the body is not in the register
};

}  // namespace kutse::certificate
