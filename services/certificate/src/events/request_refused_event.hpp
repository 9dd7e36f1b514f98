// certificate.request_refused.v1 (proto-docs/events/): the register could not carry out what the
// request-workflow service decided on a holder's request (a duplicate's approval, a reprint's
// completion), and says why, so the request shows it and its clerk can act. Carries no personal data.
#pragma once

#include <chrono>
#include <string>

#include "kutse/bus/cloud_event.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

inline constexpr const char* kRequestRefusedV1 = "certificate.request_refused.v1";

enum class RefusedRequestKind { kDuplicate, kReprint };

struct RequestRefusal {
  RefusedRequestKind kind = RefusedRequestKind::kDuplicate;
  std::string request_id;
  std::string certificate_number;  // as the decision named it; may be empty when it named none
  std::string refused_event_id;    // the workflow's event that was refused
  common::Status why;              // the refusal, with its message in both languages
};

bus::CloudEvent RequestRefusedEvent(const RequestRefusal& refusal, std::chrono::system_clock::time_point at,
                                    const std::string& correlation_id);

}  // namespace kutse::certificate
