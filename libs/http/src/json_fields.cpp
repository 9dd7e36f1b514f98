#include "kutse/http/json_fields.hpp"

#include "kutse/common/text.hpp"

namespace kutse::http {
namespace {

using common::Msg;

std::string Trim(const std::string& text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    return "";
  }
  size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::optional<std::string> TextOf(const nlohmann::json& value, const std::string& name, TextLimits limits,
                                  FieldErrors& errors) {
  if (!value.is_string()) {
    errors.push_back({"/" + name, Msg("field.must_be_text")});
    return std::nullopt;
  }
  std::string text = Trim(value.get<std::string>());
  if (!IsCleanText(text, limits.multiline)) {
    errors.push_back({"/" + name, Msg(limits.multiline ? "field.control_character" : "field.not_one_line")});
    return std::nullopt;
  }
  size_t length = common::Utf8Length(text);
  if (length < limits.min_length || length > limits.max_length) {
    errors.push_back({"/" + name, Msg("field.text_length", {{"min", std::to_string(limits.min_length)},
                                                            {"max", std::to_string(limits.max_length)}})});
    return std::nullopt;
  }
  return text;
}

std::optional<common::Date> DateOf(const nlohmann::json& value, const std::string& name,
                                   FieldErrors& errors) {
  auto date = value.is_string() ? common::ParseDate(value.get<std::string>()) : std::nullopt;
  if (!date) {
    errors.push_back({"/" + name, Msg("field.date")});
  }
  return date;
}

std::optional<int> IntegerOf(const nlohmann::json& value, const std::string& name, int min, int max,
                             FieldErrors& errors) {
  if (!value.is_number_integer() || value.get<long long>() < min || value.get<long long>() > max) {
    errors.push_back({"/" + name, Msg("field.integer_range",
                                      {{"min", std::to_string(min)}, {"max", std::to_string(max)}})});
    return std::nullopt;
  }
  return value.get<int>();
}

void Required(const std::string& name, FieldErrors& errors) {
  errors.push_back({"/" + name, Msg("field.required")});
}

}  // namespace

common::Status InvalidFields(FieldErrors errors, common::Message message) {
  return common::InvalidArgument(std::move(message), std::move(errors));
}

FieldErrors UnknownFields(const nlohmann::json& body, const std::set<std::string>& known) {
  FieldErrors errors;
  for (const auto& [key, value] : body.items()) {
    if (known.count(key) == 0) {
      errors.push_back({"/" + EscapePointerToken(key), Msg("field.unknown")});
    }
  }
  return errors;
}

bool IsAbsent(const nlohmann::json& body, const std::string& name) {
  return !body.contains(name) || body[name].is_null();
}

std::optional<std::string> RequiredText(const nlohmann::json& body, const std::string& name,
                                        TextLimits limits, FieldErrors& errors) {
  if (IsAbsent(body, name)) {
    Required(name, errors);
    return std::nullopt;
  }
  return TextOf(body[name], name, limits, errors);
}

bool IsOmitted(const nlohmann::json& body, const std::string& name, FieldErrors& errors, Null null) {
  if (!body.contains(name)) {
    return true;
  }
  if (!body[name].is_null()) {
    return false;
  }
  if (null == Null::kRefused) {
    errors.push_back({"/" + EscapePointerToken(name), Msg("field.not_null")});
  }
  return true;
}

std::optional<std::string> OptionalText(const nlohmann::json& body, const std::string& name,
                                        TextLimits limits, FieldErrors& errors, Null null) {
  return IsOmitted(body, name, errors, null) ? std::nullopt : TextOf(body[name], name, limits, errors);
}

std::optional<common::Date> RequiredDate(const nlohmann::json& body, const std::string& name,
                                         FieldErrors& errors) {
  if (IsAbsent(body, name)) {
    Required(name, errors);
    return std::nullopt;
  }
  return DateOf(body[name], name, errors);
}

std::optional<common::Date> OptionalDate(const nlohmann::json& body, const std::string& name,
                                         FieldErrors& errors, Null null) {
  return IsOmitted(body, name, errors, null) ? std::nullopt : DateOf(body[name], name, errors);
}

std::optional<int> RequiredInteger(const nlohmann::json& body, const std::string& name, int min, int max,
                                   FieldErrors& errors) {
  if (IsAbsent(body, name)) {
    Required(name, errors);
    return std::nullopt;
  }
  return IntegerOf(body[name], name, min, max, errors);
}

std::optional<int> OptionalInteger(const nlohmann::json& body, const std::string& name, int min, int max,
                                   FieldErrors& errors, Null null) {
  return IsOmitted(body, name, errors, null) ? std::nullopt : IntegerOf(body[name], name, min, max, errors);
}

bool OptionalBoolean(const nlohmann::json& body, const std::string& name, bool fallback, FieldErrors& errors,
                     Null null) {
  if (IsOmitted(body, name, errors, null)) {
    return fallback;
  }
  if (!body[name].is_boolean()) {
    errors.push_back({"/" + name, Msg("field.boolean")});
    return fallback;
  }
  return body[name].get<bool>();
}

std::optional<bool> RequiredBoolean(const nlohmann::json& body, const std::string& name,
                                    FieldErrors& errors) {
  if (!body.contains(name) || !body[name].is_boolean()) {
    errors.push_back({"/" + name, Msg("field.boolean")});
    return std::nullopt;
  }
  return body[name].get<bool>();
}

void AddPrefixed(FieldErrors& into, const std::string& prefix, const FieldErrors& errors) {
  for (const auto& error : errors) {
    into.push_back({prefix + error.pointer, error.detail});
  }
}

bool IsCleanText(const std::string& text, bool multiline) {
  if (!common::IsValidUtf8(text)) {
    return false;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool allowed_break = multiline && (c == '\t' || c == '\n' || c == '\r');
    if ((c < 0x20 && !allowed_break) || c == 0x7f) {
      return false;
    }
    // C1 controls (U+0080..U+009F) are two bytes in UTF-8: C2 80..C2 9F.
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      return false;
    }
  }
  return true;
}

std::string EscapePointerToken(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace kutse::http
