// What every way into the register shares (issuing, the historic import, a duplicate): the row and
// its first history entry, written together inside the use case's transaction.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "domain/certificate.hpp"

namespace kutse::certificate::app {

// Inserts the certificate (numbered from its type's series unless it has a number) and the history
// entry of its origin: issued, imported or duplicate_issued. Returns it as stored.
Certificate RecordCertificate(pqxx::work& work, const Certificate& certificate,
                              const std::string& recorded_by);

}  // namespace kutse::certificate::app
