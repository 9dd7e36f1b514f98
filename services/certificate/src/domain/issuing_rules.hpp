// Whether an awarding body may issue what its clerk drafted, and the certificate that results
// (domain.md §4): the standard must exist and be in use, the body must be active and hold the
// right to award that standard on the issue date, the specialisation, partial qualification and
// competences must be the standard's own, and validity follows the standard. No I/O.
#pragma once

#include <variant>

#include "domain/awarding_body.hpp"
#include "domain/certificate_draft.hpp"
#include "domain/new_certificate.hpp"
#include "domain/occupational_standard.hpp"

namespace kutse::certificate {

// `standard` and `body` are null when the register does not know them; `today` is the register's
// date (Estonian time).
std::variant<NewCertificate, FieldErrors> ApplyIssuingRules(const CertificateDraft& draft,
                                                            const OccupationalStandard* standard,
                                                            const AwardingBody* body,
                                                            const common::Date& today);

}  // namespace kutse::certificate
