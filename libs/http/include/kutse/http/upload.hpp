// Receiving a file: one file per request, as the raw body of a PUT or POST, its type in
// Content-Type and its name (optional) in Content-Disposition: attachment; filename*=UTF-8''...
// Not multipart/form-data: the SPA sends a File with fetch() as the body just as easily, an awarding
// body's script with `curl -T file -H 'Content-Type: application/pdf'`; the route's body limit is
// then the file's limit, the body can later be streamed to disk without parsing it, and there is no
// multipart parser (boundaries, part headers, nested encodings, part counts) to get wrong on bytes
// from the internet. What belongs with the file (a document's kind, a title) goes in the path or
// the query, or in a JSON request of its own. ADR 0006 records the choice.
//
// A route says what it takes with RouteOptions::upload; the dispatcher then runs CheckUpload before
// the handler. The check trusts the bytes, not the name or the declared type: libmagic reads them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kutse/common/status.hpp"
#include "kutse/http/request.hpp"

namespace kutse::http {

struct UploadRules {
  std::vector<std::string> media_types;  // lower case, e.g. {"application/pdf", "image/jpeg", "image/png"}
  size_t max_bytes = 10 * 1024 * 1024;
};

// OK, or why the file is refused:
//   larger than max_bytes                           -> invalid argument, reason payload_too_large (413)
//   empty                                           -> invalid argument (422)
//   declared Content-Type missing or not in the list -> invalid argument, reason unsupported_media_type (415)
//   the bytes are of another type than declared     -> the same 415, naming both types
//   the bytes could not be examined (no libmagic)   -> internal
common::Status CheckUpload(const UploadRules& rules, const Request& request);

// The media type libmagic finds in the first bytes ("application/pdf", "text/plain", ...);
// nullopt when libmagic cannot be used. Each thread opens its own libmagic handle, once: a handle
// is not safe to share between threads, and a lock would make the worker threads wait for each
// other's uploads, while one handle per worker (a fixed pool) costs only its loading, once.
std::optional<std::string> SniffMediaType(std::string_view bytes);

// The file name the request declares in Content-Disposition, made safe; empty when none.
std::string UploadFileName(const Request& request);

}  // namespace kutse::http
