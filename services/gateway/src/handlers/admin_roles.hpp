// /api/v1/admin/role-assignments: the register keeper's admins grant and withdraw clerk, assessor
// and admin roles, and read their full history.
#pragma once

#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"
#include "roles/role_assignments.hpp"
#include "session/session_store.hpp"

namespace kutse::gateway {

http::Response ListRoleAssignments(RoleAssignments& roles, http::Request& request);
http::Response GrantRole(RoleAssignments& roles, SessionStore& sessions, http::Request& request);
http::Response WithdrawRole(RoleAssignments& roles, SessionStore& sessions, http::Request& request);

}  // namespace kutse::gateway
