// The names the certificate events carry beside each certificate (events/certificate_event_names.hpp),
// read in the use case's transaction: one statement for the standards, one per distinct body.
#pragma once

#include <pqxx/pqxx>
#include <vector>

#include "domain/certificate.hpp"
#include "events/certificate_event_names.hpp"

namespace kutse::certificate::app {

// In the order of `certificates`.
std::vector<CertificateEventNames> EventNamesOf(pqxx::transaction_base& tx,
                                                const std::vector<Certificate>& certificates);

}  // namespace kutse::certificate::app
