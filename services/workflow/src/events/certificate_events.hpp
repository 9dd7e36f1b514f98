// The certificate service's events the workflow consumes (proto-docs/events/), read and applied in
// the consumer's inbox transaction:
//   certificate.issued.v1           a duplicate (duplicate_of set) completes its approved request;
//   certificate.request_refused.v1  a decision the register could not carry out comes back.
// An event that cannot be read is invalid argument (dead-lettered for an operator); one that names
// nothing of ours is applied as nothing. The data carry a personal code: never log them.
#pragma once

#include <pqxx/pqxx>

#include "kutse/bus/cloud_event.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::workflow {

inline constexpr const char* kCertificateIssuedV1 = "certificate.issued.v1";
inline constexpr const char* kCertificateRequestRefusedV1 = "certificate.request_refused.v1";

common::Status OnCertificateIssued(pqxx::work& work, const common::Clock& clock,
                                   const bus::CloudEvent& event);
common::Status OnRequestRefused(pqxx::work& work, const common::Clock& clock, const bus::CloudEvent& event);

}  // namespace kutse::workflow
