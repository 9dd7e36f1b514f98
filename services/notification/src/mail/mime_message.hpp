// One outgoing e-mail as the bytes an SMTP server is handed (RFC 5322 with MIME, RFC 2045-2047):
// the subject as UTF-8 encoded-words, the body text/plain; charset=UTF-8 in base64 (Estonian letters
// survive any relay, and lines stay short), a Date, a From, a To and a Message-ID that the caller makes
// stable per (notice or digest, channel), so a server or a reader recognises a retry. No I/O.
#pragma once

#include <chrono>
#include <string>

namespace kutse::notification::mail {

struct MailMessage {
  std::string from;        // an addr-spec: teavitused@kutseregister.ee
  std::string to;          // an addr-spec
  std::string subject;     // UTF-8
  std::string body;        // UTF-8, lines separated by \n
  std::string message_id;  // without the angle brackets: <id>@<domain> is the caller's to choose
  std::chrono::system_clock::time_point date;
};

// The whole message, lines ending in CRLF. Throws std::invalid_argument for an address or Message-ID
// with a character that could break the header (CR, LF, a space, angle brackets, no @).
std::string BuildMime(const MailMessage& message);

// "=?UTF-8?B?...?=" words of at most 75 characters, separated by CRLF SP, never splitting a UTF-8
// sequence; plain ASCII text without "=?" is given back as it is.
std::string EncodeHeaderText(const std::string& utf8);
// RFC 5322 date-time in UTC: "Fri, 04 Dec 2026 18:33:19 +0000".
std::string FormatMailDate(std::chrono::system_clock::time_point at);
// Standard base64 with padding (RFC 4648 §4) in lines of at most 76 characters, each ending in CRLF.
std::string Base64Lines(const std::string& bytes);
// True for an addr-spec this service sends to: local@domain, printable ASCII, no space or specials
// that would need quoting, at most 254 characters.
bool IsSendableAddress(const std::string& address);

}  // namespace kutse::notification::mail
