// The wire names of the certificate's status in the facts (certificate_facts.hpp), the certificate
// service's own: valid, expired, invalidated, annulled. No I/O.
#pragma once

#include <optional>
#include <string>

#include "domain/certificate_facts.hpp"

namespace kutse::workflow {

const char* ToString(CertificateStatus status);
std::optional<CertificateStatus> ParseCertificateStatus(const std::string& text);

}  // namespace kutse::workflow
