// Entries of the old register being imported by the admin: certificates from all years, with their
// own numbers, levels of the old 5-level scale mapped to EstQF, and whatever status they have. An
// entry already imported with the same data is left as it is, so importing a file twice changes
// nothing. No I/O.
#pragma once

#include <optional>

#include "domain/certificate.hpp"
#include "kutse/common/message.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

// The status an imported entry gets: the stated one, which must agree with its dates, or expired
// once valid_until has passed (valid otherwise). The error's message is for the /status field.
common::StatusOr<CertificateStatus> HistoricStatus(const std::optional<CertificateStatus>& stated,
                                                   const std::optional<common::Date>& valid_until,
                                                   const common::Date& today);

// Whether the register already holds exactly this entry. Valid and expired count as the same
// status: the expiry job moves an imported certificate along after the import.
bool IsSameEntry(const Certificate& entry, const Certificate& stored);

}  // namespace kutse::certificate
