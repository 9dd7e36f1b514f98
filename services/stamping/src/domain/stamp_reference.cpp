#include "domain/stamp_reference.hpp"

#include "kutse/common/ids.hpp"

namespace kutse::stamping {

bool IsVerificationCode(const std::string& text) {
  if (text.size() < 22 || text.size() > 64) {
    return false;
  }
  for (char c : text) {
    const bool allowed =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!allowed) {
      return false;
    }
  }
  return true;
}

std::optional<StampReference> ParseStampReference(const std::string& text) {
  // A UUID has hyphens in fixed places and is 36 long: never mistaken for a 24-character code.
  if (common::IsUuid(text)) {
    return StampReference{text, std::nullopt};
  }
  if (IsVerificationCode(text)) {
    return StampReference{std::nullopt, text};
  }
  return std::nullopt;
}

}  // namespace kutse::stamping
