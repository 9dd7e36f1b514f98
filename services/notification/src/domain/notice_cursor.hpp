// The keyset cursor of "My notifications": the position (created_at, id) of the last notice on the
// previous page, as an http::PageCursor of kind "notification.notices" (a timestamp in microseconds
// and the id). Cursors handed out before that format (base64url of "created_at|id") are refused like
// any other unknown cursor: a client starts the list again from its first page.
#pragma once

#include <string>

#include "kutse/common/status.hpp"

namespace kutse::notification {

struct NoticeCursor {
  std::string created_at;  // as PostgreSQL prints a timestamp: 2026-11-27 09:44:11.481234, UTC
  std::string id;          // uuid
};

// Throws std::invalid_argument for a position the database would not have given.
std::string EncodeCursor(const NoticeCursor& cursor);
// Invalid argument (bad_request, /cursor) for anything EncodeCursor did not make.
common::StatusOr<NoticeCursor> DecodeCursor(const std::string& text);

}  // namespace kutse::notification
