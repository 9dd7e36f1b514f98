// A verification's answer on the wire (GET /api/v1/public/verifications/{verificationCode} and
// POST /api/v1/public/verifications): the two facts the public asks, apart (`seal_valid` and
// `certificate_status`), then what the document's seal says, the register's record of the stamp and
// the certificate it covers. The certificate shows only what the stamped document itself prints,
// and its status today; never the holder's personal code or date of birth.
#pragma once

#include <nlohmann/json.hpp>

#include "app/verify_stamp.hpp"

namespace kutse::stamping::dto {

nlohmann::json VerificationView(const app::Verification& verification);

}  // namespace kutse::stamping::dto
