// Reading a JSON request body member by member, at the edge: each reader either returns the value or
// adds a field error (a JSON Pointer and a message) and returns nothing, so a parser reports every
// wrong field at once. Text is trimmed, measured in characters, and refused when it holds control
// characters (tab and line breaks only where a field is multi-line). An optional member may be left
// out; `null` stands for "none" only where openapi.yaml types the member with null (Null::kAllowed),
// elsewhere it is refused like any other wrong type. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "kutse/common/status.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::http {

using common::FieldError;
using common::FieldErrors;

struct TextLimits {
  size_t min_length = 1;
  size_t max_length = 0;
  bool multiline = false;  // tab, CR and LF allowed (notes, reasons, messages); never other controls
};
inline TextLimits Line(size_t max_length) {
  return TextLimits{1, max_length, false};
}
inline TextLimits Lines(size_t max_length) {
  return TextLimits{1, max_length, true};
}

// Whether an optional member may be `null` (openapi.yaml: `type: [..., 'null']`), which then means
// the same as leaving it out.
enum class Null { kRefused, kAllowed };

// The Status of a request body with these field errors (422 validation_failed).
common::Status InvalidFields(FieldErrors errors, common::Message message = common::Msg("field.some_invalid"));

// One field error for every member of the body that is not in `known`.
FieldErrors UnknownFields(const nlohmann::json& body, const std::set<std::string>& known);
// True when the member is absent or null.
bool IsAbsent(const nlohmann::json& body, const std::string& name);
// True when an optional member is not given: absent, or null where `null` allows it. A null that is
// refused adds a field error and also counts as not given, so the caller reads nothing more.
bool IsOmitted(const nlohmann::json& body, const std::string& name, FieldErrors& errors,
               Null null = Null::kRefused);

// Trimmed text within the limits. Required: absence (or null) is an error; optional: absence (or an
// allowed null) gives nullopt without an error.
std::optional<std::string> RequiredText(const nlohmann::json& body, const std::string& name,
                                        TextLimits limits, FieldErrors& errors);
std::optional<std::string> OptionalText(const nlohmann::json& body, const std::string& name,
                                        TextLimits limits, FieldErrors& errors, Null null = Null::kRefused);
inline std::optional<std::string> RequiredText(const nlohmann::json& body, const std::string& name,
                                               size_t max_length, FieldErrors& errors) {
  return RequiredText(body, name, Line(max_length), errors);
}
inline std::optional<std::string> OptionalText(const nlohmann::json& body, const std::string& name,
                                               size_t max_length, FieldErrors& errors,
                                               Null null = Null::kRefused) {
  return OptionalText(body, name, Line(max_length), errors, null);
}

std::optional<common::Date> RequiredDate(const nlohmann::json& body, const std::string& name,
                                         FieldErrors& errors);
std::optional<common::Date> OptionalDate(const nlohmann::json& body, const std::string& name,
                                         FieldErrors& errors, Null null = Null::kRefused);

// A whole number in [min, max].
std::optional<int> RequiredInteger(const nlohmann::json& body, const std::string& name, int min, int max,
                                   FieldErrors& errors);
std::optional<int> OptionalInteger(const nlohmann::json& body, const std::string& name, int min, int max,
                                   FieldErrors& errors, Null null = Null::kRefused);

// A boolean, `fallback` when not given.
bool OptionalBoolean(const nlohmann::json& body, const std::string& name, bool fallback, FieldErrors& errors,
                     Null null = Null::kRefused);
// A required boolean.
std::optional<bool> RequiredBoolean(const nlohmann::json& body, const std::string& name, FieldErrors& errors);

// The errors under a prefix, e.g. a batch row's "/certificates/3".
void AddPrefixed(FieldErrors& into, const std::string& prefix, const FieldErrors& errors);

// Whether text is valid UTF-8 without control characters (tab and line breaks when `multiline`).
bool IsCleanText(const std::string& text, bool multiline);
// A member name as one token of a JSON Pointer (RFC 6901: ~ as ~0, / as ~1).
std::string EscapePointerToken(const std::string& token);

}  // namespace kutse::http
