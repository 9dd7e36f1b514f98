// Dates as PDF writes them (ISO 32000-1 §7.9.4), always in UTC so the bytes do not depend on the
// machine's time zone. No I/O.
#pragma once

#include <chrono>
#include <string>

namespace kutse::stamping::pdf {

// D:20261203122552+00'00'
std::string PdfDate(std::chrono::system_clock::time_point at);

}  // namespace kutse::stamping::pdf
