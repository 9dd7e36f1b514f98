// A staff role as the gateway keeps it: granted, and perhaps withdrawn, never deleted. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::gateway {

struct RoleAssignment {
  long long id = 0;
  std::string personal_code;
  std::string role;
  std::optional<std::string> body_id;
  std::string granted_by;
  std::string granted_at;  // ISO 8601, UTC
  std::string grant_reason;
  std::optional<std::string> withdrawn_by;
  std::optional<std::string> withdrawn_at;
  std::optional<std::string> withdraw_reason;
};

struct RoleQuery {
  std::optional<std::string> personal_code;
  std::optional<std::string> body_id;
  bool include_withdrawn = false;
  std::optional<long long> before_id;  // keyset: assignments older than this id
  int limit = 50;
};

}  // namespace kutse::gateway
