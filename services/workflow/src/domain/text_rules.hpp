// The rules every text a person types into a request follows: trimmed, measured in characters,
// valid UTF-8, and without control characters (tab and newline are allowed in multi-line texts:
// messages, reasons, notes). The domain takes typed values, so these checks are its own, not the
// JSON readers' of libs/http; the field errors carry the pointer the caller names. No I/O.
#pragma once

#include <optional>
#include <string>

#include "kutse/common/status.hpp"

namespace kutse::workflow {

inline constexpr size_t kMaxMessageLength = 5000;  // a question, an answer, a reply
inline constexpr size_t kMaxReasonLength = 2000;   // why a request was rejected or refused
inline constexpr size_t kMaxNoteLength = 2000;     // the holder's note on inaccurate data

struct TextRule {
  size_t max_length = 0;
  bool multiline = false;
};
inline TextRule OneLine(size_t max_length) {
  return TextRule{max_length, false};
}
inline TextRule MultiLine(size_t max_length) {
  return TextRule{max_length, true};
}

// The text trimmed of surrounding spaces, tabs and line breaks, with CRLF turned into LF (a
// browser's form sends it), when it is 1..max characters of clean text; nullopt otherwise, with
// one field error at `pointer`.
std::optional<std::string> CleanText(const std::string& text, TextRule rule, const std::string& pointer,
                                     common::FieldErrors& errors);

// A message of a question's thread (the question itself, an answer, a reply): 1..5000 characters.
// Invalid argument with a field error at /message otherwise.
common::StatusOr<std::string> CheckMessageText(const std::string& text);
// Why a handler rejects a request, or the certificate service refused a duplicate: 1..2000
// characters. Invalid argument with a field error at /reason otherwise.
common::StatusOr<std::string> CheckReasonText(const std::string& text);

// The Status of an input with these field errors (answered 422 with every error at once).
common::Status InvalidInput(common::FieldErrors errors);

}  // namespace kutse::workflow
