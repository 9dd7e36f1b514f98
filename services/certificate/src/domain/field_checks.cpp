#include "domain/field_checks.hpp"

#include "kutse/common/text.hpp"

namespace kutse::certificate {
namespace {

std::string Trim(const std::string& text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    return "";
  }
  size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::optional<std::string> TextOf(const nlohmann::json& value, const std::string& name, size_t max_length,
                                  FieldErrors& errors) {
  if (!value.is_string()) {
    errors.push_back({"/" + name, "must be a string"});
    return std::nullopt;
  }
  std::string text = Trim(value.get<std::string>());
  if (text.empty() || common::Utf8Length(text) > max_length) {
    errors.push_back({"/" + name, "must be 1 to " + std::to_string(max_length) + " characters"});
    return std::nullopt;
  }
  return text;
}

std::optional<common::Date> DateOf(const nlohmann::json& value, const std::string& name,
                                   FieldErrors& errors) {
  auto date = value.is_string() ? common::ParseDate(value.get<std::string>()) : std::nullopt;
  if (!date) {
    errors.push_back({"/" + name, "must be a date as YYYY-MM-DD"});
  }
  return date;
}

std::optional<int> IntegerOf(const nlohmann::json& value, const std::string& name, int min, int max,
                             FieldErrors& errors) {
  if (!value.is_number_integer() || value.get<long long>() < min || value.get<long long>() > max) {
    errors.push_back(
        {"/" + name, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max)});
    return std::nullopt;
  }
  return value.get<int>();
}

}  // namespace

FieldErrors UnknownFields(const nlohmann::json& body, const std::set<std::string>& known) {
  FieldErrors errors;
  for (const auto& [key, value] : body.items()) {
    if (known.count(key) == 0) {
      errors.push_back({"/" + key, "is not a known field"});
    }
  }
  return errors;
}

bool IsAbsent(const nlohmann::json& body, const std::string& name) {
  return !body.contains(name) || body[name].is_null();
}

std::optional<std::string> RequiredText(const nlohmann::json& body, const std::string& name,
                                        size_t max_length, FieldErrors& errors) {
  if (IsAbsent(body, name)) {
    errors.push_back({"/" + name, "is required"});
    return std::nullopt;
  }
  return TextOf(body[name], name, max_length, errors);
}

std::optional<std::string> OptionalText(const nlohmann::json& body, const std::string& name,
                                        size_t max_length, FieldErrors& errors) {
  return IsAbsent(body, name) ? std::nullopt : TextOf(body[name], name, max_length, errors);
}

std::optional<common::Date> RequiredDate(const nlohmann::json& body, const std::string& name,
                                         FieldErrors& errors) {
  if (IsAbsent(body, name)) {
    errors.push_back({"/" + name, "is required"});
    return std::nullopt;
  }
  return DateOf(body[name], name, errors);
}

std::optional<common::Date> OptionalDate(const nlohmann::json& body, const std::string& name,
                                         FieldErrors& errors) {
  return IsAbsent(body, name) ? std::nullopt : DateOf(body[name], name, errors);
}

std::optional<int> RequiredInteger(const nlohmann::json& body, const std::string& name, int min, int max,
                                   FieldErrors& errors) {
  if (IsAbsent(body, name)) {
    errors.push_back({"/" + name, "is required"});
    return std::nullopt;
  }
  return IntegerOf(body[name], name, min, max, errors);
}

std::optional<int> OptionalInteger(const nlohmann::json& body, const std::string& name, int min, int max,
                                   FieldErrors& errors) {
  return IsAbsent(body, name) ? std::nullopt : IntegerOf(body[name], name, min, max, errors);
}

bool OptionalBoolean(const nlohmann::json& body, const std::string& name, bool fallback,
                     FieldErrors& errors) {
  if (IsAbsent(body, name)) {
    return fallback;
  }
  if (!body[name].is_boolean()) {
    errors.push_back({"/" + name, "must be true or false"});
    return fallback;
  }
  return body[name].get<bool>();
}

void AddPrefixed(FieldErrors& into, const std::string& prefix, const FieldErrors& errors) {
  for (const auto& error : errors) {
    into.push_back({prefix + error.pointer, error.detail});
  }
}

}  // namespace kutse::certificate
