// One certificate as the certificate service tells the stamping service at the instant of stamping
// (GET /internal/v1/certificates/{number}/facts, ADR 0008): whose it is, whether it may be stamped,
// and what a stamped copy prints. No I/O.
#pragma once

#include <optional>
#include <string>

#include "domain/certificate_document.hpp"
#include "kutse/common/status.hpp"

namespace kutse::stamping {

struct CertificateOnRecord {
  std::string holder_personal_code;  // personal data: never logged
  std::string status;                // valid | expired | invalidated | annulled
  std::optional<std::string> replaced_by;
  std::string qualification_name_et;
  std::optional<std::string> qualification_name_en;  // nullopt: the register has no English name
  CertificateDocument document;                      // verification_url left empty
};

// Only the holder stamps, and only a certificate valid today that no duplicate replaced. Someone
// else's is not found (it is not theirs to know of); one not valid is a failed precondition.
common::Status MayStamp(const CertificateOnRecord& certificate, const std::string& personal_code);

// What the document prints for the language: the English qualification name when the register has one.
CertificateDocument DocumentFor(const CertificateOnRecord& certificate, DocumentLanguage language,
                                const std::string& verification_url);

}  // namespace kutse::stamping
