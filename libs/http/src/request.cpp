#include "kutse/http/request.hpp"

#include <stdexcept>

#include "kutse/common/status.hpp"
#include "kutse/http/json_fields.hpp"

namespace kutse::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

}  // namespace

namespace {

std::string Decode(const std::string& text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
               HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// Every place in a parsed body where a string or a member name holds a control character (tab and
// line breaks excepted: fields that may not hold them check for themselves).
void FindControlCharacters(const nlohmann::json& value, const std::string& pointer,
                           common::FieldErrors& found) {
  if (found.size() >= 100) {
    return;  // enough to show what is wrong
  }
  if (value.is_string()) {
    if (!IsCleanText(value.get_ref<const std::string&>(), true)) {
      found.push_back({pointer, common::Msg("field.control_character")});
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      FindControlCharacters(value[i], pointer + "/" + std::to_string(i), found);
    }
  } else if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      if (!IsCleanText(key, false)) {
        found.push_back({pointer, common::Msg("field.control_character")});
        continue;
      }
      FindControlCharacters(member, pointer + "/" + EscapePointerToken(key), found);
    }
  }
}

}  // namespace

std::string PercentDecode(const std::string& text) {
  return Decode(text, true);
}

std::string PercentDecodePath(const std::string& text) {
  return Decode(text, false);
}

std::string PercentEncodePathSegment(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    // '.' too, though unreserved: a segment ".." would otherwise be squashed away on the way out.
    const bool kept = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '~';
    if (kept) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
  return out;
}

std::optional<std::string> Request::Header(const std::string& lower_case_name) const {
  auto found = headers.find(lower_case_name);
  if (found == headers.end()) {
    return std::nullopt;
  }
  return found->second;
}

std::optional<std::string> Request::QueryParam(const std::string& name) const {
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string::npos) {
      end = query.size();
    }
    std::string pair = query.substr(start, end - start);
    size_t equals = pair.find('=');
    std::string key = PercentDecode(pair.substr(0, equals));
    if (key == name) {
      return equals == std::string::npos ? std::string() : PercentDecode(pair.substr(equals + 1));
    }
    start = end + 1;
  }
  return std::nullopt;
}

const std::string& Request::PathParam(const std::string& name) const {
  auto found = path_params.find(name);
  if (found == path_params.end()) {
    throw std::logic_error("route has no path parameter " + name);
  }
  return found->second;
}

std::string Request::Language() const {
  auto accept = Header("accept-language");
  if (!accept) {
    return "et";
  }
  // The first listed language that we speak wins; q-values are rarely used by browsers here.
  size_t start = 0;
  while (start < accept->size()) {
    size_t end = accept->find(',', start);
    if (end == std::string::npos) {
      end = accept->size();
    }
    std::string tag = accept->substr(start, end - start);
    size_t first = tag.find_first_not_of(' ');
    tag = first == std::string::npos ? "" : tag.substr(first, 2);
    if (tag == "et" || tag == "ET") {
      return "et";
    }
    if (tag == "en" || tag == "EN") {
      return "en";
    }
    start = end + 1;
  }
  return "et";
}

nlohmann::json Request::JsonBody() const {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded()) {
    throw common::StatusError(
        common::InvalidArgument(common::Msg("http.malformed_json")).WithReason("malformed_json"));
  }
  if (!parsed.is_object()) {
    throw common::StatusError(common::InvalidArgument(common::Msg("http.body_not_object"),
                                                      {{"", common::Msg("http.not_an_object")}}));
  }
  common::FieldErrors controls;
  FindControlCharacters(parsed, "", controls);
  if (!controls.empty()) {
    throw common::StatusError(
        common::InvalidArgument(common::Msg("http.body_has_controls"), std::move(controls)));
  }
  return parsed;
}

}  // namespace kutse::http
