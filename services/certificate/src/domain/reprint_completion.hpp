// A reprint request the awarding body (or the register keeper) has carried out: the paper was
// printed again and posted or handed over (proto-docs/domain.md, "Requests"). The register enters it
// in the certificate's print history as a reprint, once per request. No I/O.
#pragma once

#include <string>

#include "domain/print_order.hpp"

namespace kutse::certificate {

struct ReprintCompletion {
  std::string request_id;
  std::string certificate_number;
  std::string holder_personal_code;
  PrintDelivery delivery = PrintDelivery::kInPerson;
  std::string completed_by;  // the person who marked it delivered, e.g. EE38001085718
};

// The print order it stands for: a reprint, delivered as the request says, noting the request.
PrintOrder ReprintOrder(const ReprintCompletion& completion);

}  // namespace kutse::certificate
