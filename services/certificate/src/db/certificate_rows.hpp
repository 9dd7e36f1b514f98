// A row of KUTSE_CERTIFICATE_COLUMNS (db/sql.hpp) as the domain's Certificate, read by column name.
#pragma once

#include <pqxx/pqxx>
#include <vector>

#include "domain/certificate.hpp"

namespace kutse::certificate {

Certificate ReadCertificate(const pqxx::row& row);
std::vector<Certificate> ReadCertificates(const pqxx::result& rows);

}  // namespace kutse::certificate
