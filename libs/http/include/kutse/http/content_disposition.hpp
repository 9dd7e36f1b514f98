// File names in Content-Disposition, both ways: the header of a download (RFC 6266, with the
// RFC 5987 filename*=UTF-8''... form for names like tunnistus-Õie.pdf and an ASCII fallback for
// the rest), and the name an upload declares. A file name comes from people (a holder's name, an
// uploader's disk), so it is cut down to one safe name first: nothing can end the header, start a
// new one, climb a folder or hide its real extension.
#pragma once

#include <string>
#include <string_view>

namespace kutse::http {

// The last path segment of `name` (after any / or \), as valid UTF-8 without control characters
// (C0, DEL, C1, bidirectional overrides, line and paragraph separators), with "*:<>?|\" and quotes
// replaced by '_', without leading or trailing dots and spaces, and at most 150 bytes (the
// extension kept). Empty when nothing is left.
std::string SafeFileName(std::string_view name);

// The ASCII stand-in for a safe name: Estonian letters without their marks (õ -> o, š -> s), any
// other non-ASCII character and '%' as '_'.
std::string AsciiFileName(std::string_view safe_name);

// "attachment; filename=\"...\"" with the ASCII name, plus "; filename*=UTF-8''..." when the safe
// name is not plain ASCII; just "attachment" when no safe name is left.
std::string AttachmentDisposition(std::string_view filename);

// The file name a request's Content-Disposition declares (filename* preferred, UTF-8 only, else
// filename), made safe; empty when there is none.
std::string FileNameFromDisposition(std::string_view header_value);

}  // namespace kutse::http
