// The opaque keyset cursor of "My notifications": the position (created_at, id) of the last notice
// on the previous page. Base64url so that clients treat it as a token, not as data.
#pragma once

#include <optional>
#include <string>

namespace kutse::notification {

struct NoticeCursor {
  std::string created_at;  // microsecond timestamp as PostgreSQL prints it, UTC
  std::string id;          // uuid
};

std::string EncodeCursor(const NoticeCursor& cursor);
std::optional<NoticeCursor> DecodeCursor(const std::string& text);  // nullopt when tampered or malformed

}  // namespace kutse::notification
