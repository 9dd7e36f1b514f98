// certificate.status_changed.v1 → a notice for the holder that their certificate expired, was
// declared invalid or was annulled (proto-docs/domain.md, "Notifications"). Runs inside the inbox
// transaction.
#pragma once

#include <pqxx/pqxx>

#include "kutse/bus/cloud_event.hpp"
#include "kutse/common/status.hpp"

namespace kutse::notification {

inline constexpr const char* kCertificateStatusChangedV1 = "certificate.status_changed.v1";

common::Status OnCertificateStatusChanged(pqxx::work& work, const bus::CloudEvent& event);

}  // namespace kutse::notification
