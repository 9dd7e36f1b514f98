#include "domain/person_name.hpp"

#include <vector>

#include "kutse/common/text.hpp"

namespace kutse::workflow {
namespace {

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u00A0';
}

// Code points of well-formed UTF-8 (checked by the caller).
std::vector<char32_t> CodePoints(const std::string& text) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < text.size();) {
    auto lead = static_cast<unsigned char>(text[i]);
    size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t k = 1; k < length && i + k < text.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out.push_back(code);
    i += length;
  }
  return out;
}

// Upper case to lower case for the alphabets names on certificates are written in.
char32_t Lower(char32_t c) {
  if ((c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x410 && c <= 0x42F)) {
    return c + 0x20;
  }
  if (c >= 0x400 && c <= 0x40F) {
    return c + 0x50;
  }
  // Latin Extended-A pairs its letters upper then lower, with the parity changing at U+0139 and
  // back at U+014A; U+0178 (Ÿ) lowers to U+00FF.
  bool even_upper = (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177);
  bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
  if ((even_upper && c % 2 == 0) || (odd_upper && c % 2 == 1)) {
    return c + 1;
  }
  return c == 0x178 ? 0xFF : c;
}

// Lower case, words separated by one space, no space around.
std::vector<char32_t> Folded(const std::string& text) {
  std::vector<char32_t> out;
  bool pending_space = false;
  for (char32_t c : CodePoints(text)) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(U' ');
      pending_space = false;
    }
    out.push_back(Lower(c));
  }
  return out;
}

}  // namespace

std::string PersonName::Full() const {
  std::string full = given_name;
  if (!full.empty() && !family_name.empty()) {
    full += " ";
  }
  full += family_name;
  size_t first = full.find_first_not_of(" \t");
  return first == std::string::npos ? "" : full.substr(first, full.find_last_not_of(" \t") - first + 1);
}

bool IsSameName(const std::string& a, const std::string& b) {
  if (!common::IsValidUtf8(a) || !common::IsValidUtf8(b)) {
    return a == b;
  }
  return Folded(a) == Folded(b);
}

}  // namespace kutse::workflow
