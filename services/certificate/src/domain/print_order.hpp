// A printed paper of a certificate entered by its body's staff: the first print, a reprint or a
// duplicate's print, handed over in person or posted. The print history grows with each. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "domain/certificate_record.hpp"
#include "domain/field_checks.hpp"

namespace kutse::certificate {

struct PrintOrder {
  std::string reason;    // first_print | reprint | duplicate
  std::string delivery;  // in_person | post
  std::optional<std::string> note;
};

std::variant<PrintOrder, FieldErrors> ParsePrintOrder(const nlohmann::json& body);

// Why this certificate cannot be printed for this reason, or nullopt when it can: only a document
// in use (valid or expired, not replaced) is printed, and a duplicate's print is of a duplicate.
std::optional<std::string> PrintRefusal(const CertificateRecord& certificate, const PrintOrder& order);

}  // namespace kutse::certificate
