#include "domain/certificate_document.hpp"

#include <cstdio>

namespace kutse::stamping {

std::optional<DocumentLanguage> ParseDocumentLanguage(const std::string& code) {
  if (code == "et")
    return DocumentLanguage::kEstonian;
  if (code == "en")
    return DocumentLanguage::kEnglish;
  return std::nullopt;
}

const char* LanguageCode(DocumentLanguage language) {
  return language == DocumentLanguage::kEstonian ? "et" : "en";
}

std::string DocumentDate(const common::Date& date, DocumentLanguage language) {
  char text[64];
  if (language == DocumentLanguage::kEstonian) {
    std::snprintf(text, sizeof text, "%02d.%02d.%04d", date.day, date.month, date.year);
    return text;
  }
  static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
  const char* month = date.month >= 1 && date.month <= 12 ? kMonths[date.month - 1] : "?";
  std::snprintf(text, sizeof text, "%d %s %04d", date.day, month, date.year);
  return text;
}

}  // namespace kutse::stamping
