// What a stamped document shows of one certificate: the register's data as printed on it, the
// awarding body's name and the link to its online verification. Filled from the certificate
// service's answer at the instant of stamping; the PDF renderer lays it out. No I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kutse/common/time_format.hpp"

namespace kutse::stamping {

// The register's three kinds of document; each has its own title.
enum class DocumentKind { kCertificate, kPartialQualification, kInitialQualification };

// The languages a stamped document is made in (the holder chooses).
enum class DocumentLanguage { kEstonian, kEnglish };

std::optional<DocumentLanguage> ParseDocumentLanguage(const std::string& code);  // "et" | "en"
const char* LanguageCode(DocumentLanguage language);

struct CertificateDocument {
  std::string number;
  DocumentKind kind = DocumentKind::kCertificate;
  std::string holder_name;  // as on the certificate
  std::string qualification_name;
  int estqf_level = 0;
  std::optional<int> eqf_level;
  std::optional<std::string> specialisation;
  std::optional<std::string> partial_qualification;
  std::vector<std::string> competences;
  std::string awarding_body_name;
  std::optional<common::Date> decision_date;
  std::optional<std::string> decision_number;
  common::Date issue_date;
  common::Date valid_from;
  std::optional<common::Date> valid_until;  // nullopt: open-ended
  std::optional<std::string> duplicate_of;  // the original's number, on a duplicate
  std::string verification_url;             // what the QR code holds
};

// A date as a reader of that language writes it: 03.12.2026 in Estonian, 3 December 2026 in English.
std::string DocumentDate(const common::Date& date, DocumentLanguage language);

}  // namespace kutse::stamping
