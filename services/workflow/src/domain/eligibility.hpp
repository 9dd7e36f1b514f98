// Whether a holder may make a request of this kind on this certificate, from the certificate's
// facts as they are now (ADR 0008) and the workflow's own knowledge of open duplicate requests
// (proto-docs/domain.md, "Certificates" and "Requests"):
//   someone else's certificate -> not found, as if it did not exist (no one learns that it does);
//   reprint   -> only of a valid or expired certificate in use: never annulled, invalidated or
//                replaced by a duplicate (failed precondition);
//   duplicate -> the same, and no second open duplicate request for one certificate: already
//                exists, because what the request would create is there (the same code the
//                workflow schema's unique index gives when two quick presses race);
//   question  -> any certificate of the holder's.
// No I/O.
#pragma once

#include <string>

#include "domain/certificate_facts.hpp"
#include "domain/request_kind.hpp"
#include "kutse/common/status.hpp"

namespace kutse::workflow {

common::Status CheckEligibility(RequestKind kind, const CertificateFacts& facts,
                                const std::string& caller_personal_code, bool open_duplicate_exists);

}  // namespace kutse::workflow
