// certificate.issued.v1 → a "certificate issued" notice for the holder. Runs inside the consumer's
// inbox transaction; a repeat of the same event never reaches it.
#pragma once

#include <pqxx/pqxx>

#include "kutse/bus/cloud_event.hpp"
#include "kutse/common/status.hpp"

namespace kutse::notification {

inline constexpr const char* kCertificateIssuedV1 = "certificate.issued.v1";

common::Status OnCertificateIssued(pqxx::work& work, const bus::CloudEvent& event);

}  // namespace kutse::notification
