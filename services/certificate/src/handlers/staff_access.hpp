// Who may act for the awarding body in the path: its clerks issue; its clerks or an admin change,
// print and read its certificates. Anyone else is refused before anything is read.
#pragma once

#include "kutse/auth/identity.hpp"
#include "kutse/common/message.hpp"
#include "kutse/http/request.hpp"

namespace kutse::certificate {

// Not found for a malformed body id, permission denied for anyone but a clerk of that body.
const auth::Identity& RequireIssuingClerk(const http::Request& request);
// Permission denied (with `refusal` as the detail) for anyone but a clerk of the body or an admin.
const auth::Identity& RequireBodyStaff(const http::Request& request, common::Message refusal);

}  // namespace kutse::certificate
