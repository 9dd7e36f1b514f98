// What every way into the register shares (issuing, the historic import, a duplicate): the rows and
// the first history entry of each, written together inside the use case's transaction, a batch of
// any size in a few statements.
#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/certificate.hpp"

namespace kutse::certificate::app {

// Inserts the certificates (numbered from their type's series unless they have numbers) and the
// history entry of each one's origin: issued, imported or duplicate_issued. Returns them as stored,
// in the order given.
std::vector<Certificate> RecordCertificates(pqxx::work& work, const std::vector<Certificate>& certificates,
                                            const std::string& recorded_by);

}  // namespace kutse::certificate::app
