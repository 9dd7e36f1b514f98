// Dates as PDF writes them (ISO 32000-1 §7.9.4), always in UTC so the bytes do not depend on the
// machine's time zone. No I/O.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kutse::stamping::pdf {

// D:20261203122552+00'00'
std::string PdfDate(std::chrono::system_clock::time_point at);

// The instant a PDF date names: D:YYYY with any of MM DD HH mm SS after it (the rest defaults to
// the first month, day, hour...) and an optional Z or +HH'mm' / -HH'mm' offset (none: UTC). nullopt
// for anything else, a field out of range or a day the month does not have. Reads hostile text.
std::optional<std::chrono::system_clock::time_point> ParsePdfDate(std::string_view text);

}  // namespace kutse::stamping::pdf
