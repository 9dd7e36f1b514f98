// A printed paper of a certificate entered by its body's staff: the first print, a reprint or a
// duplicate's print, handed over in person or posted; and the print history it adds to. Only a
// document in use (valid or expired, not replaced) is printed. No I/O.
#pragma once

#include <optional>
#include <string>

#include "domain/certificate.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

enum class PrintReason { kFirstPrint, kReprint, kDuplicate };
enum class PrintDelivery { kInPerson, kPost };

const char* ToString(PrintReason reason);
std::optional<PrintReason> ParsePrintReason(const std::string& text);
const char* ToString(PrintDelivery delivery);
std::optional<PrintDelivery> ParsePrintDelivery(const std::string& text);

struct PrintOrder {
  PrintReason reason = PrintReason::kFirstPrint;
  PrintDelivery delivery = PrintDelivery::kInPerson;
  std::optional<std::string> note;
};

struct PrintEntry {
  long long id = 0;
  std::string printed_at;  // UTC ISO 8601
  std::string printed_by;
  PrintReason reason = PrintReason::kFirstPrint;
  PrintDelivery delivery = PrintDelivery::kInPerson;
  std::optional<std::string> note;
};

// OK when this certificate may be printed for this reason; failed precondition otherwise.
common::Status CheckPrintable(const Certificate& certificate, const PrintOrder& order);

}  // namespace kutse::certificate
