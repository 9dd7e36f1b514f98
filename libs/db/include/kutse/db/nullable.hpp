// Optional values across libpqxx 6, which has no std::optional parameters: a missing value goes
// in as a null pointer and comes out of a null field as nullopt.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>

namespace kutse::db {

inline const char* NullableParam(const std::optional<std::string>& text) {
  return text ? text->c_str() : nullptr;
}

// A number as the text parameter libpqxx sends; nullopt stays null (pass it to NullableParam).
inline std::optional<std::string> NumberText(const std::optional<int>& number) {
  return number ? std::optional<std::string>(std::to_string(*number)) : std::nullopt;
}

inline std::optional<std::string> OptionalText(const pqxx::field& field) {
  return field.is_null() ? std::nullopt : std::optional<std::string>(field.as<std::string>());
}

}  // namespace kutse::db
