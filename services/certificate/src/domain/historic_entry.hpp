// One entry of the old register being imported by the admin: certificates from all years, with
// their own numbers, levels of the old 5-level scale mapped to EstQF, and whatever status they
// have. An entry already imported with the same data is left as it is, so that importing a file
// twice changes nothing. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <variant>

#include "domain/certificate_record.hpp"
#include "domain/field_checks.hpp"
#include "domain/new_certificate.hpp"

namespace kutse::certificate {

// `today` decides the status of an entry that does not say it: expired once valid_until has passed.
std::variant<NewCertificate, FieldErrors> ParseHistoricEntry(const nlohmann::json& row,
                                                             const common::Date& today);

// Whether the register already holds exactly this entry. Valid and expired count as the same
// status: the expiry job moves an imported certificate along after the import.
bool IsSameEntry(const NewCertificate& entry, const CertificateRecord& stored);

}  // namespace kutse::certificate
