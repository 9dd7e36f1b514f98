// A signed-in person's session, and a sign-in still in progress, as the gateway keeps them.
#pragma once

#include <string>
#include <vector>

namespace kutse::gateway {

struct Session {
  std::string personal_code;
  std::string given_name;
  std::string family_name;
  std::string csrf_token;
  std::vector<std::string> amr;
  std::string acr;
  std::string expires_at;                // the earlier of the idle and the absolute limit, ISO 8601
  std::vector<std::string> staff_roles;  // active assignments: "clerk:80012345", "admin", ...
};

// Between the redirect to the provider and its callback.
struct LoginAttempt {
  std::string nonce;
  std::string code_verifier;
  std::string return_to;
  bool still_valid = false;
};

struct SessionPolicy {
  int idle_minutes = 30;
  int absolute_hours = 12;
};

}  // namespace kutse::gateway
