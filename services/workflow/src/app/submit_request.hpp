// Use case: a holder makes a request on one of their certificates (issue 10). The certificate's
// facts are asked of the certificate service as they are now (ADR 0008); the rules of eligibility
// and of the kind's input decide; the request, its first history row, a question's first message
// and request.submitted.v1 are written in the caller's one transaction. A new-name duplicate takes
// the name from the signed-in identity, never from the body.
#pragma once

#include <functional>
#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "domain/answer_deadline.hpp"
#include "domain/certificate_facts.hpp"
#include "domain/request.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::workflow::app {

struct NewRequest {
  RequestInput input;
  std::string correlation_id;
  int answer_days = kDefaultAnswerDays;  // the handler's deadline, from now
};

// The certificate service's answer for a number (CertificateFactsClient::Fetch in the service).
using FetchFacts = std::function<common::StatusOr<CertificateFacts>(const std::string& number)>;

// Not found for someone else's certificate as for an unknown number; failed precondition or already
// exists as CheckEligibility says; invalid argument for wrong kind data; unavailable when the
// certificate service cannot answer (nothing is stored).
common::StatusOr<RequestDetail> SubmitRequest(pqxx::work& work, const common::Clock& clock,
                                              const FetchFacts& fetch_facts, const auth::Identity& holder,
                                              const NewRequest& request);

}  // namespace kutse::workflow::app
