// A clerk's request to issue a certificate, read from its JSON body field by field (form only:
// whether the standard exists and the body may award it is for domain/issuing_rules.hpp).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/certificate_draft.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::dto {

// The draft, or every field error found (all of them, not just the first).
common::StatusOr<CertificateDraft> ParseCertificateDraft(const nlohmann::json& body);

}  // namespace kutse::certificate::dto
