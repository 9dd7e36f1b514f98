// The facts of one certificate for a service that must know them at the instant its rule applies
// (ADR 0008: the workflow creating or deciding a request). Every certificate counts, whatever its
// origin: issued, a duplicate, an entry of the old register or the demo data.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "domain/certificate_facts.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::app {

// Not found for a number the register does not hold. The body's right is judged on the clock's today.
common::StatusOr<CertificateFacts> FactsForService(pqxx::transaction_base& tx, const common::Clock& clock,
                                                   const std::string& number);

}  // namespace kutse::certificate::app
