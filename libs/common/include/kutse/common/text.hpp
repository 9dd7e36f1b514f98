// Small text helpers shared by the libraries and services.
#pragma once

#include <string>
#include <vector>

namespace kutse::common {

// "a,b,,c" -> {"a", "b", "", "c"}; an empty text gives no parts at all.
std::vector<std::string> Split(const std::string& text, char delimiter);
// Characters, not bytes: Estonian names carry õ, ä, ö, ü, š, ž.
size_t Utf8Length(const std::string& text);
// Well-formed UTF-8 (RFC 3629): no stray continuation bytes, overlong forms, surrogates or code
// points past U+10FFFF.
bool IsValidUtf8(const std::string& text);
// An awarding body's 8-digit Estonian business registry code (the bodyId of the API).
bool IsRegistryCode(const std::string& text);

}  // namespace kutse::common
