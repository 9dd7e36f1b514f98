// DEVELOPMENT ONLY. Until TARA login exists, the local run and test scripts let a caller name
// themselves in the X-Kutse-Dev-Identity header (JSON). Off unless KUTSE_DEV_IDENTITY=enabled;
// the Kubernetes manifests never set it (tests/contract/check-k8s checks that).
#pragma once

#include <optional>
#include <string>

#include "kutse/auth/identity.hpp"

namespace kutse::gateway {

inline constexpr const char* kDevIdentityHeader = "x-kutse-dev-identity";

// {"personal_code":"60001019906","name":"Mari Maasikas","roles":["clerk:80012345"]}; every
// person is also a holder. nullopt when the text is not such an object.
std::optional<auth::Identity> ParseDevIdentity(const std::string& header_value);

}  // namespace kutse::gateway
