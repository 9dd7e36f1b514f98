// Small checks shared by the request parsers of the certificate service: each reads one member of
// a JSON body and, when it is missing or wrong, adds a field error instead. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kutse/common/time_format.hpp"
#include "kutse/http/problem.hpp"

namespace kutse::certificate {

using FieldErrors = std::vector<http::FieldError>;

// One field error for every member of the body that is not in `known`.
FieldErrors UnknownFields(const nlohmann::json& body, const std::set<std::string>& known);

// True when the member is absent or null.
bool IsAbsent(const nlohmann::json& body, const std::string& name);

// Trimmed text of 1..max_length characters. Required: absence is an error; optional: absence
// (or null) gives nullopt without an error.
std::optional<std::string> RequiredText(const nlohmann::json& body, const std::string& name,
                                        size_t max_length, FieldErrors& errors);
std::optional<std::string> OptionalText(const nlohmann::json& body, const std::string& name,
                                        size_t max_length, FieldErrors& errors);

std::optional<common::Date> RequiredDate(const nlohmann::json& body, const std::string& name,
                                         FieldErrors& errors);
std::optional<common::Date> OptionalDate(const nlohmann::json& body, const std::string& name,
                                         FieldErrors& errors);

// A whole number in [min, max].
std::optional<int> RequiredInteger(const nlohmann::json& body, const std::string& name, int min, int max,
                                   FieldErrors& errors);
std::optional<int> OptionalInteger(const nlohmann::json& body, const std::string& name, int min, int max,
                                   FieldErrors& errors);

// A boolean, `fallback` when absent.
bool OptionalBoolean(const nlohmann::json& body, const std::string& name, bool fallback, FieldErrors& errors);

// The body's errors under a prefix, e.g. a batch row's "/certificates/3".
void AddPrefixed(FieldErrors& into, const std::string& prefix, const FieldErrors& errors);

}  // namespace kutse::certificate
