// The facts of one certificate as the internal route answers them to a calling service
// (GET /internal/v1/certificates/{number}/facts; proto-docs/internal/certificate-facts.schema.json).
// Not a public answer: it carries the holder's personal code.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/certificate_facts.hpp"

namespace kutse::certificate::dto {

nlohmann::json FactsView(const CertificateFacts& facts);

}  // namespace kutse::certificate::dto
