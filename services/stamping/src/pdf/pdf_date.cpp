#include "pdf/pdf_date.hpp"

#include <cstdio>
#include <ctime>

namespace kutse::stamping::pdf {

std::string PdfDate(std::chrono::system_clock::time_point at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];  // room for any int the compiler cannot rule out
  std::snprintf(text, sizeof text, "D:%04d%02d%02d%02d%02d%02d+00'00'", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return text;
}

}  // namespace kutse::stamping::pdf
