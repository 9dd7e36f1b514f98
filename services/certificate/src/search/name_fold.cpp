#include "search/name_fold.hpp"

#include <cstdint>
#include <unordered_map>

namespace kutse::certificate::search {
namespace {

// Exactly the two lists of translate() in certificate.fold_name (migrations/V003); the
// integration test fold_name_test compares the two folds letter by letter.
constexpr const char* kFrom =
    "õäöüšžàáâãåèéêëìíîïòóôøùúûýÿçñāēīūģķļņčÕÄÖÜŠŽÀÁÂÃÅÈÉÊËÌÍÎÏÒÓÔØÙÚÛÝŸÇÑĀĒĪŪĢĶĻŅČ";
constexpr const char* kTo = "oaouszaaaaaeeeeiiiioooouuuyycnaeiugklncoaouszaaaaaeeeeiiiioooouuuyycnaeiugklnc";

// One UTF-8 character at text[at]: its code point and length; length 0 when it is not UTF-8.
std::pair<char32_t, size_t> Decode(const std::string& text, size_t at) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char first = byte(at);
  size_t length = first < 0x80           ? 1
                  : (first >> 5) == 0x6  ? 2
                  : (first >> 4) == 0xE  ? 3
                  : (first >> 3) == 0x1E ? 4
                                         : 0;
  if (length == 0 || at + length > text.size()) {
    return {0, 0};
  }
  if (length == 1) {
    return {first, 1};
  }
  char32_t code = first & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) {
      return {0, 0};
    }
    code = (code << 6) | (byte(at + i) & 0x3F);
  }
  return {code, length};
}

const std::unordered_map<char32_t, char>& Translations() {
  static const std::unordered_map<char32_t, char> table = [] {
    std::unordered_map<char32_t, char> built;
    std::string from = kFrom;
    std::string to = kTo;
    size_t at = 0;
    for (char target : to) {
      auto [code, length] = Decode(from, at);
      built.emplace(code, target);
      at += length;
    }
    return built;
  }();
  return table;
}

}  // namespace

FoldedName FoldName(const std::string& text) {
  FoldedName folded;
  folded.text.reserve(text.size());
  const auto& translations = Translations();
  for (size_t at = 0; at < text.size();) {
    auto [code, length] = Decode(text, at);
    if (length == 0) {
      folded.exact = false;
      folded.text.append(text, at, std::string::npos);
      break;
    }
    if (code == 0) {
      folded.exact = false;  // PostgreSQL text never holds NUL
      folded.text.push_back('\0');
    } else if (code < 0x80) {
      char c = static_cast<char>(code);
      folded.text.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (auto found = translations.find(code); found != translations.end()) {
      folded.text.push_back(found->second);
    } else {
      folded.exact = false;
      folded.text.append(text, at, length);
    }
    at += length;
  }
  return folded;
}

}  // namespace kutse::certificate::search
