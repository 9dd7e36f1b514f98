// Certificate numbers of the main series: "K-" and at least six digits (K-000123).
#pragma once

#include <cstdint>
#include <string>

namespace kutse::certificate {

std::string FormatCertificateNumber(std::int64_t sequence_value);

}  // namespace kutse::certificate
