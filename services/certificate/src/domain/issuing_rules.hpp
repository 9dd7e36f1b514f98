// Whether an awarding body may issue what its clerk drafted, and the certificate that results
// (proto-docs/domain.md, "Certificates"): the standard must exist and be in use, the body must be active
// and hold the right to award that standard on the issue date, the specialisation, partial
// qualification and competences must be the standard's own, and validity follows the standard.
// No I/O.
#pragma once

#include "domain/awarding_body.hpp"
#include "domain/certificate.hpp"
#include "domain/certificate_draft.hpp"
#include "domain/occupational_standard.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

// `standard` and `body` are null when the register does not know them; `today` is the register's
// date (Estonian time). The certificate has no number yet; the errors point into the draft.
common::StatusOr<Certificate> ApplyIssuingRules(const CertificateDraft& draft,
                                                const OccupationalStandard* standard,
                                                const AwardingBody* body, const common::Date& today);

}  // namespace kutse::certificate
