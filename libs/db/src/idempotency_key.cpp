#include "kutse/db/idempotency_key.hpp"

namespace kutse::db {

common::StatusOr<std::optional<std::string>> ParseIdempotencyKey(const std::optional<std::string>& header) {
  if (!header) {
    return std::optional<std::string>();
  }
  const std::string& key = *header;
  bool printable = true;
  for (char c : key) {
    printable = printable && c >= 0x20 && c <= 0x7e;
  }
  if (key.empty() || key.size() > kMaxIdempotencyKeyLength || !printable || key.front() == ' ' ||
      key.back() == ' ') {
    return common::InvalidArgument(common::Msg("db.idempotency_key_invalid")).WithReason("bad_request");
  }
  return header;
}

}  // namespace kutse::db
