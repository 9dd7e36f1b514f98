#include "seal/pdf_dss_syntax.hpp"

#include <algorithm>
#include <string>

namespace kutse::stamping::seal::pdf_syntax {
namespace {

// A DSS, its VRI and a catalog have a few dozen tokens; a hostile file gets no more than these.
constexpr size_t kMaxTokens = 4096;
constexpr size_t kMaxDepth = 16;
constexpr size_t kMaxStringBytes = 64 * 1024;
constexpr size_t kMaxNameBytes = 127;  // ISO 32000-1 Annex C
constexpr size_t kMaxXrefEntries = 65536;
// The trailer sits right before "startxref".
constexpr size_t kMaxTrailerDistance = 64 * 1024;
// How many revisions back an object is looked for.
constexpr size_t kMaxRevisions = 16;

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool IsDelimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
         c == '/' || c == '%';
}

bool IsRegular(char c) {
  return !IsSpace(c) && !IsDelimiter(c);
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A literal string from its "(" at `at`, balanced parentheses and backslash escapes; the index just
// after its ")".
std::optional<size_t> LiteralStringEnd(std::string_view text, size_t at) {
  size_t depth = 0;
  for (size_t i = at; i < text.size() && i - at <= kMaxStringBytes; ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '(') {
      ++depth;
    } else if (text[i] == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return std::nullopt;
}

bool IsKeyword(const std::optional<Token>& token, std::string_view word) {
  return token && token->kind == TokenKind::kKeyword && token->text == word;
}

// One end-of-line marker at `at` (CR LF, LF or CR), `at` moved past it.
bool SkipEndOfLine(std::string_view text, size_t& at) {
  if (at < text.size() && text[at] == '\r') {
    ++at;
    if (at < text.size() && text[at] == '\n') {
      ++at;
    }
    return true;
  }
  if (at < text.size() && text[at] == '\n') {
    ++at;
    return true;
  }
  return false;
}

// Exactly `digits` decimal digits at `at`.
std::optional<size_t> FixedNumber(std::string_view text, size_t at, size_t digits) {
  if (at + digits > text.size()) {
    return std::nullopt;
  }
  size_t value = 0;
  for (size_t i = at; i < at + digits; ++i) {
    if (!IsDigit(text[i])) {
      return std::nullopt;
    }
    value = value * 10 + static_cast<size_t>(text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<Tokens> ReadDictionary(std::string_view text, size_t& at) {
  Tokens tokens;
  std::vector<TokenKind> open;
  do {
    auto token = NextToken(text, at);
    if (!token || tokens.size() == kMaxTokens || (tokens.empty() && token->kind != TokenKind::kDictOpen)) {
      return std::nullopt;
    }
    if (token->kind == TokenKind::kDictOpen || token->kind == TokenKind::kArrayOpen) {
      if (open.size() == kMaxDepth) {
        return std::nullopt;
      }
      open.push_back(token->kind);
    } else if (token->kind == TokenKind::kDictClose || token->kind == TokenKind::kArrayClose) {
      const TokenKind expected =
          token->kind == TokenKind::kDictClose ? TokenKind::kDictOpen : TokenKind::kArrayOpen;
      if (open.empty() || open.back() != expected) {
        return std::nullopt;
      }
      open.pop_back();
    }
    tokens.push_back(*token);
  } while (!open.empty());
  return tokens;
}

std::optional<Token> NextToken(std::string_view text, size_t& at) {
  while (at < text.size() && IsSpace(text[at])) {
    ++at;
  }
  if (at >= text.size()) {
    return std::nullopt;
  }
  const size_t start = at;
  const char c = text[at];
  TokenKind kind;
  size_t end = at + 1;
  if (c == '<' && at + 1 < text.size() && text[at + 1] == '<') {
    kind = TokenKind::kDictOpen;
    end = at + 2;
  } else if (c == '>' && at + 1 < text.size() && text[at + 1] == '>') {
    kind = TokenKind::kDictClose;
    end = at + 2;
  } else if (c == '[') {
    kind = TokenKind::kArrayOpen;
  } else if (c == ']') {
    kind = TokenKind::kArrayClose;
  } else if (c == '<') {
    kind = TokenKind::kHexString;
    while (end < text.size() && end - at <= 2 * kMaxStringBytes &&
           (IsHexDigit(text[end]) || IsSpace(text[end]))) {
      ++end;
    }
    if (end >= text.size() || text[end] != '>') {
      return std::nullopt;
    }
    ++end;
  } else if (c == '(') {
    kind = TokenKind::kLiteralString;
    auto close = LiteralStringEnd(text, at);
    if (!close) {
      return std::nullopt;
    }
    end = *close;
  } else if (c == '/') {
    kind = TokenKind::kName;
    while (end < text.size() && IsRegular(text[end]) && end - at <= kMaxNameBytes) {
      ++end;
    }
  } else if (IsDigit(c) || c == '+' || c == '-' || c == '.') {
    kind = TokenKind::kNumber;
    bool point = c == '.';
    while (end < text.size() && end - at <= 20 && (IsDigit(text[end]) || (text[end] == '.' && !point))) {
      point = point || text[end] == '.';
      ++end;
    }
  } else if (IsLetter(c)) {
    kind = TokenKind::kKeyword;
    while (end < text.size() && IsLetter(text[end]) && end - at <= 16) {
      ++end;
    }
  } else {
    return std::nullopt;  // a comment, a lone ">" or ")", or a byte no token starts with
  }
  // A token must end at a delimiter or white space, or it was longer than its limit.
  if ((kind == TokenKind::kName || kind == TokenKind::kNumber || kind == TokenKind::kKeyword) &&
      end < text.size() && IsRegular(text[end])) {
    return std::nullopt;
  }
  at = end;
  return Token{kind, text.substr(start, end - start), start};
}

std::optional<size_t> IntegerOf(const Token& token) {
  if (token.kind != TokenKind::kNumber || token.text.empty() || token.text.size() > 10) {
    return std::nullopt;
  }
  size_t value = 0;
  for (char c : token.text) {
    if (!IsDigit(c)) {
      return std::nullopt;
    }
    value = value * 10 + static_cast<size_t>(c - '0');
  }
  return value;
}

std::optional<IndirectObject> ReadIndirectObject(std::string_view text, size_t at) {
  IndirectObject object;
  auto number = NextToken(text, at);
  auto generation = NextToken(text, at);
  if (!number || !generation || !IsKeyword(NextToken(text, at), "obj")) {
    return std::nullopt;
  }
  auto number_value = IntegerOf(*number);
  auto generation_value = IntegerOf(*generation);
  if (!number_value || !generation_value || *number_value > 8388607 || *generation_value > 65535) {
    return std::nullopt;  // ISO 32000-1 Annex C: the largest object number and generation
  }
  object.number = static_cast<unsigned>(*number_value);
  object.generation = static_cast<unsigned>(*generation_value);
  object.offset = number->offset;
  auto dictionary = ReadDictionary(text, at);
  if (!dictionary) {
    return std::nullopt;
  }
  object.dictionary = std::move(*dictionary);
  auto next = NextToken(text, at);
  if (IsKeyword(next, "stream")) {
    auto entries = TopLevelEntries(object.dictionary);
    if (!entries || entries->count("Length") == 0) {
      return std::nullopt;
    }
    const auto [first, last] = entries->at("Length");
    // Only a direct length: an indirect one would be an object looked up elsewhere.
    const std::optional<size_t> declared =
        last - first == 1 ? IntegerOf(object.dictionary[first]) : std::optional<size_t>();
    const size_t length = declared.value_or(0);
    // "stream" then CR LF or LF (§7.3.8.1), the bytes, an end-of-line, "endstream".
    if (at < text.size() && text[at] == '\r') {
      ++at;
    }
    if (!declared || at >= text.size() || text[at] != '\n' || length > text.size() - at - 1) {
      return std::nullopt;
    }
    ++at;
    object.data = text.substr(at, length);
    at += length;
    SkipEndOfLine(text, at);
    if (!IsKeyword(NextToken(text, at), "endstream")) {
      return std::nullopt;
    }
    next = NextToken(text, at);
  }
  if (!IsKeyword(next, "endobj")) {
    return std::nullopt;
  }
  object.end = at;
  return object;
}

std::optional<Entries> TopLevelEntries(const Tokens& dictionary) {
  Entries entries;
  if (dictionary.size() < 2) {
    return std::nullopt;
  }
  size_t i = 1;
  const size_t end = dictionary.size() - 1;  // the closing ">>"
  while (i < end) {
    if (dictionary[i].kind != TokenKind::kName) {
      return std::nullopt;
    }
    const std::string_view key = dictionary[i].text.substr(1);
    const size_t first = ++i;
    size_t depth = 0;
    // A value: one token, "N G R", or a whole array or dictionary.
    do {
      if (i >= end) {
        return std::nullopt;
      }
      const TokenKind kind = dictionary[i].kind;
      if (kind == TokenKind::kDictOpen || kind == TokenKind::kArrayOpen) {
        ++depth;
      } else if (kind == TokenKind::kDictClose || kind == TokenKind::kArrayClose) {
        --depth;
      }
      ++i;
    } while (depth > 0);
    if (i + 1 < end && dictionary[i - 1].kind == TokenKind::kNumber &&
        dictionary[i].kind == TokenKind::kNumber && dictionary[i + 1].kind == TokenKind::kKeyword &&
        dictionary[i + 1].text == "R") {
      i += 2;
    }
    if (!entries.emplace(key, std::make_pair(first, i)).second) {
      return std::nullopt;
    }
  }
  return entries;
}

std::optional<std::string> ValueText(const Tokens& dictionary, const Entries& entries, std::string_view key) {
  const auto found = entries.find(key);
  if (found == entries.end()) {
    return std::nullopt;
  }
  std::string text;
  for (size_t i = found->second.first; i < found->second.second; ++i) {
    if (!text.empty()) {
      text += ' ';
    }
    text += dictionary[i].text;
  }
  return text;
}

std::optional<std::pair<unsigned, unsigned>> ReferenceAt(const Tokens& tokens, size_t first, size_t last) {
  if (last - first != 3 || tokens[first + 2].kind != TokenKind::kKeyword || tokens[first + 2].text != "R") {
    return std::nullopt;
  }
  auto number = IntegerOf(tokens[first]);
  auto generation = IntegerOf(tokens[first + 1]);
  if (!number || !generation || *number > 8388607 || *generation > 65535) {
    return std::nullopt;
  }
  return std::make_pair(static_cast<unsigned>(*number), static_cast<unsigned>(*generation));
}

std::optional<LastRevision> ReadLastRevision(std::string_view pdf) {
  const size_t startxref = pdf.rfind("startxref");
  if (startxref == std::string_view::npos) {
    return std::nullopt;
  }
  size_t at = startxref + std::string_view("startxref").size();
  auto offset = NextToken(pdf, at);
  if (!offset || !IntegerOf(*offset) || *IntegerOf(*offset) >= pdf.size()) {
    return std::nullopt;
  }
  const size_t trailer = pdf.rfind("trailer", startxref);
  if (trailer == std::string_view::npos || startxref - trailer > kMaxTrailerDistance) {
    return std::nullopt;
  }
  at = trailer + std::string_view("trailer").size();
  auto dictionary = ReadDictionary(pdf, at);
  auto keyword = NextToken(pdf, at);
  if (!dictionary || !keyword || keyword->offset != startxref) {
    return std::nullopt;
  }
  return LastRevision{*IntegerOf(*offset), std::move(*dictionary)};
}

std::optional<XrefSection> ReadXrefSection(std::string_view pdf, size_t at) {
  if (pdf.substr(at, 4) != "xref") {
    return std::nullopt;
  }
  at += 4;
  XrefSection section;
  size_t read = 0;
  for (;;) {
    auto token = NextToken(pdf, at);
    if (IsKeyword(token, "trailer")) {
      section.trailer_at = token->offset;
      return section;
    }
    auto second = NextToken(pdf, at);
    auto first_number = token ? IntegerOf(*token) : std::nullopt;
    auto count = second ? IntegerOf(*second) : std::nullopt;
    if (!first_number || !count || *count > kMaxXrefEntries - read || !SkipEndOfLine(pdf, at)) {
      return std::nullopt;
    }
    read += *count;
    // Each entry exactly 20 bytes: "nnnnnnnnnn ggggg n" and a two-byte end of line (§7.5.4).
    for (size_t i = 0; i < *count; ++i, at += 20) {
      if (at + 20 > pdf.size()) {
        return std::nullopt;
      }
      auto offset = FixedNumber(pdf, at, 10);
      auto generation = FixedNumber(pdf, at + 11, 5);
      if (!offset || !generation || pdf[at + 10] != ' ' || pdf[at + 16] != ' ') {
        return std::nullopt;
      }
      const std::string_view end_of_line = pdf.substr(at + 18, 2);
      if (end_of_line != " \n" && end_of_line != " \r" && end_of_line != "\r\n") {
        return std::nullopt;
      }
      const size_t number = *first_number + i;
      if (pdf[at + 17] == 'n') {
        if (number > 8388607 || *generation > 65535 ||
            !section.in_use
                 .emplace(static_cast<unsigned>(number),
                          std::make_pair(*offset, static_cast<unsigned>(*generation)))
                 .second) {
          return std::nullopt;
        }
      } else if (pdf[at + 17] == 'f') {
        if (number != 0 || *generation != 65535) {
          section.freed.insert(static_cast<unsigned>(std::min<size_t>(number, 8388608)));
        }
      } else {
        return std::nullopt;
      }
    }
  }
}

std::optional<IndirectObject> FindObject(std::string_view pdf, size_t xref_offset,
                                         std::pair<unsigned, unsigned> reference) {
  for (size_t revision = 0; revision < kMaxRevisions; ++revision) {
    auto section = ReadXrefSection(pdf, xref_offset);
    if (!section || section->freed.count(reference.first) != 0) {
      return std::nullopt;
    }
    const auto found = section->in_use.find(reference.first);
    if (found != section->in_use.end()) {
      if (found->second.second != reference.second || found->second.first >= pdf.size()) {
        return std::nullopt;
      }
      auto object = ReadIndirectObject(pdf, found->second.first);
      if (!object || object->number != reference.first || object->generation != reference.second) {
        return std::nullopt;
      }
      return object;
    }
    size_t at = section->trailer_at + std::string_view("trailer").size();
    auto trailer = ReadDictionary(pdf, at);
    auto entries = trailer ? TopLevelEntries(*trailer) : std::nullopt;
    if (!entries || entries->count("Prev") == 0 ||
        entries->at("Prev").second - entries->at("Prev").first != 1) {
      return std::nullopt;
    }
    auto previous = IntegerOf((*trailer)[entries->at("Prev").first]);
    if (!previous || *previous >= pdf.size()) {
      return std::nullopt;
    }
    xref_offset = *previous;
  }
  return std::nullopt;
}

}  // namespace kutse::stamping::seal::pdf_syntax
