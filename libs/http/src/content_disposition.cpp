#include "kutse/http/content_disposition.hpp"

#include <charconv>
#include <cstdint>
#include <utility>
#include <vector>

namespace kutse::http {
namespace {

constexpr size_t kMaxNameBytes = 150;
constexpr size_t kMaxExtensionBytes = 16;

// Code points of valid UTF-8; every byte that does not start a valid sequence is dropped.
std::vector<uint32_t> DecodeUtf8(std::string_view text) {
  std::vector<uint32_t> out;
  size_t i = 0;
  while (i < text.size()) {
    auto lead = static_cast<unsigned char>(text[i]);
    size_t length = lead < 0x80           ? 1
                    : (lead >> 5) == 0x6  ? 2
                    : (lead >> 4) == 0xe  ? 3
                    : (lead >> 3) == 0x1e ? 4
                                          : 0;
    if (length == 0 || i + length > text.size()) {
      ++i;
      continue;
    }
    uint32_t point = length == 1   ? lead
                     : length == 2 ? (lead & 0x1fu)
                     : length == 3 ? (lead & 0x0fu)
                                   : (lead & 0x07u);
    bool valid = true;
    for (size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next >> 6) != 0x2) {
        valid = false;
        break;
      }
      point = (point << 6) | (next & 0x3fu);
    }
    static constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (!valid || point < kSmallest[length] || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) {
      ++i;
      continue;
    }
    out.push_back(point);
    i += length;
  }
  return out;
}

void AppendUtf8(std::string& out, uint32_t point) {
  if (point < 0x80) {
    out.push_back(static_cast<char>(point));
  } else if (point < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (point >> 6)));
    out.push_back(static_cast<char>(0x80 | (point & 0x3f)));
  } else if (point < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((point >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (point & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((point >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((point >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (point & 0x3f)));
  }
}

// Characters that end or break a header, or change how the name reads: a right-to-left override
// turns "tunnistus\u202Efdp.exe" into what looks like a PDF.
bool IsControl(uint32_t point) {
  return point < 0x20 || (point >= 0x7f && point <= 0x9f) || point == 0x061c || point == 0x200e ||
         point == 0x200f || (point >= 0x202a && point <= 0x202e) || (point >= 0x2066 && point <= 0x2069) ||
         point == 0x2028 || point == 0x2029 || point == 0xfeff;
}

// Quotes would end the quoted filename; the rest are not allowed in file names on Windows.
bool IsReplaced(uint32_t point) {
  return point == '"' || point == '*' || point == ':' || point == '<' || point == '>' || point == '?' ||
         point == '|' || point == '\\' || point == '/';
}

bool IsTrimmed(uint32_t point) {
  return point == '.' || point == ' ';
}

// Cuts `name` to at most kMaxNameBytes bytes at a character boundary, keeping a short extension.
std::string Shorten(const std::string& name) {
  if (name.size() <= kMaxNameBytes) {
    return name;
  }
  size_t dot = name.rfind('.');
  std::string extension;
  if (dot != std::string::npos && name.size() - dot <= kMaxExtensionBytes) {
    extension = name.substr(dot);
  }
  size_t keep = kMaxNameBytes - extension.size();
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) >> 6) == 0x2) {
    --keep;  // not inside a UTF-8 sequence
  }
  return name.substr(0, keep) + extension;
}

bool IsAttrChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

// RFC 5987 value-chars: %XX only; '+' is itself.
std::string PercentDecode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned value = 0;
    const char* digits = text.data() + i + 1;
    if (text[i] == '%' && i + 2 < text.size() &&
        std::from_chars(digits, digits + 2, value, 16).ptr == digits + 2) {
      out.push_back(static_cast<char>(value));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

// The value of filename* (charset'language'percent-encoded), when its charset is UTF-8.
std::string ExtendedValue(std::string_view value) {
  size_t first = value.find('\'');
  size_t second = first == std::string_view::npos ? first : value.find('\'', first + 1);
  if (second == std::string_view::npos || Lower(value.substr(0, first)) != "utf-8") {
    return "";
  }
  return PercentDecode(value.substr(second + 1));
}

}  // namespace

std::string SafeFileName(std::string_view name) {
  size_t separator = name.find_last_of("/\\");
  if (separator != std::string_view::npos) {
    name.remove_prefix(separator + 1);
  }
  std::vector<uint32_t> points;
  for (uint32_t point : DecodeUtf8(name)) {
    if (!IsControl(point)) {
      points.push_back(IsReplaced(point) ? '_' : point);
    }
  }
  size_t begin = 0;
  size_t end = points.size();
  while (begin < end && IsTrimmed(points[begin])) {
    ++begin;
  }
  while (end > begin && IsTrimmed(points[end - 1])) {
    --end;
  }
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    AppendUtf8(out, points[i]);
  }
  return Shorten(out);
}

std::string AsciiFileName(std::string_view safe_name) {
  // The letters of Estonian names (õ, ä, ö, ü, š, ž) without their marks.
  static constexpr std::pair<uint32_t, char> kWithoutMarks[] = {
      {0xe4, 'a'}, {0xc4, 'A'}, {0xf5, 'o'},  {0xd5, 'O'},  {0xf6, 'o'},  {0xd6, 'O'},
      {0xfc, 'u'}, {0xdc, 'U'}, {0x161, 's'}, {0x160, 'S'}, {0x17e, 'z'}, {0x17d, 'Z'},
  };
  std::string out;
  for (uint32_t point : DecodeUtf8(safe_name)) {
    // Some browsers percent-decode a plain filename: a '%' there is not what it seems.
    char ascii = point < 0x80 && point != '%' ? static_cast<char>(point) : '_';
    for (const auto& [marked, plain] : kWithoutMarks) {
      if (point == marked) {
        ascii = plain;
      }
    }
    out.push_back(ascii);
  }
  return out;
}

std::string AttachmentDisposition(std::string_view filename) {
  std::string safe = SafeFileName(filename);
  if (safe.empty()) {
    return "attachment";
  }
  std::string ascii = AsciiFileName(safe);
  std::string header = "attachment; filename=\"" + ascii + "\"";
  if (ascii != safe) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    header += "; filename*=UTF-8''";
    for (unsigned char c : safe) {
      if (IsAttrChar(c)) {
        header.push_back(static_cast<char>(c));
      } else {
        header.push_back('%');
        header.push_back(kHex[c >> 4]);
        header.push_back(kHex[c & 0xf]);
      }
    }
  }
  return header;
}

std::string FileNameFromDisposition(std::string_view header_value) {
  std::string plain;
  std::string extended;
  size_t i = header_value.find(';');
  while (i != std::string_view::npos && i < header_value.size()) {
    ++i;  // past ';'
    while (i < header_value.size() && (header_value[i] == ' ' || header_value[i] == '\t')) {
      ++i;
    }
    size_t equals = header_value.find_first_of("=;", i);
    if (equals == std::string_view::npos || header_value[equals] == ';') {
      i = equals;
      continue;
    }
    std::string name = Lower(header_value.substr(i, equals - i));
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) {
      name.pop_back();
    }
    i = equals + 1;
    while (i < header_value.size() && header_value[i] == ' ') {
      ++i;
    }
    std::string value;
    if (i < header_value.size() && header_value[i] == '"') {
      for (++i; i < header_value.size() && header_value[i] != '"'; ++i) {
        if (header_value[i] == '\\' && i + 1 < header_value.size()) {
          ++i;
        }
        value.push_back(header_value[i]);
      }
      i = header_value.find(';', i);
    } else {
      size_t end = header_value.find(';', i);
      value = std::string(
          header_value.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) {
        value.pop_back();
      }
      i = end;
    }
    if (name == "filename*") {
      extended = ExtendedValue(value);
    } else if (name == "filename") {
      plain = value;
    }
  }
  std::string safe = SafeFileName(extended);
  return safe.empty() ? SafeFileName(plain) : safe;
}

}  // namespace kutse::http
