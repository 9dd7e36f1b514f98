#include "domain/text_rules.hpp"

#include "kutse/common/text.hpp"

namespace kutse::workflow {
namespace {

using common::Msg;

constexpr const char* kSpace = " \t\r\n";

std::string WithoutCarriageReturns(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;  // CRLF -> LF; a lone CR stays and is refused below
    }
    out.push_back(text[i]);
  }
  return out;
}

// No C0 control but (in multi-line text) tab and newline, no DEL, no C1 control (U+0080..U+009F,
// in UTF-8 the bytes C2 80..C2 9F).
bool HasOnlyAllowedCharacters(const std::string& text, bool multiline) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\t' || byte == '\n') {
      if (!multiline) {
        return false;
      }
    } else if (byte < 0x20 || byte == 0x7F) {
      return false;
    } else if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      return false;
    }
  }
  return true;
}

common::StatusOr<std::string> CheckOne(const std::string& text, TextRule rule, const char* pointer) {
  common::FieldErrors errors;
  auto clean = CleanText(text, rule, pointer, errors);
  if (!clean) {
    return InvalidInput(std::move(errors));
  }
  return *clean;
}

}  // namespace

std::optional<std::string> CleanText(const std::string& text, TextRule rule, const std::string& pointer,
                                     common::FieldErrors& errors) {
  std::string normalised = WithoutCarriageReturns(text);
  size_t first = normalised.find_first_not_of(kSpace);
  std::string trimmed = first == std::string::npos
                            ? std::string()
                            : normalised.substr(first, normalised.find_last_not_of(kSpace) - first + 1);
  if (!common::IsValidUtf8(trimmed) || !HasOnlyAllowedCharacters(trimmed, rule.multiline)) {
    errors.push_back({pointer, Msg(rule.multiline ? "field.control_character" : "field.not_one_line")});
    return std::nullopt;
  }
  size_t length = common::Utf8Length(trimmed);
  if (length < 1 || length > rule.max_length) {
    errors.push_back(
        {pointer, Msg("field.text_length", {{"min", "1"}, {"max", std::to_string(rule.max_length)}})});
    return std::nullopt;
  }
  return trimmed;
}

common::StatusOr<std::string> CheckMessageText(const std::string& text) {
  return CheckOne(text, MultiLine(kMaxMessageLength), "/message");
}

common::StatusOr<std::string> CheckReasonText(const std::string& text) {
  return CheckOne(text, MultiLine(kMaxReasonLength), "/reason");
}

common::Status InvalidInput(common::FieldErrors errors) {
  return common::InvalidArgument(Msg("field.some_invalid"), std::move(errors));
}

}  // namespace kutse::workflow
