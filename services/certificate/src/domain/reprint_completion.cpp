#include "domain/reprint_completion.hpp"

namespace kutse::certificate {

PrintOrder ReprintOrder(const ReprintCompletion& completion) {
  return PrintOrder{PrintReason::kReprint, completion.delivery, "request " + completion.request_id};
}

}  // namespace kutse::certificate
