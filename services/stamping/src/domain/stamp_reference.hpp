// How a stamp is named in a path: by its id (a UUID, in the holder's list) or by the verification
// code of its QR link (what the holder has on paper). Anything else names no stamp, so it is answered
// like an unknown one, never echoed. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::stamping {

struct StampReference {
  std::optional<std::string> id;    // lower-case UUID
  std::optional<std::string> code;  // a verification code
};

// 22 to 64 base64url characters, as V002's CHECK allows (the service makes 24).
bool IsVerificationCode(const std::string& text);
// nullopt when `text` is neither an id nor a code.
std::optional<StampReference> ParseStampReference(const std::string& text);

}  // namespace kutse::stamping
