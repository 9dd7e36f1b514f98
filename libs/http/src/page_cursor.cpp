#include "kutse/http/page_cursor.hpp"

#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "kutse/common/base64url.hpp"

namespace kutse::http {
namespace {

// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z: what a four-digit year can say.
constexpr long long kFirstMicros = -62135596800LL * 1000000;
constexpr long long kLastMicros = 253402300799LL * 1000000 + 999999;

const char* TagOf(CursorType type) {
  switch (type) {
    case CursorType::kText:
      return "s";
    case CursorType::kInteger:
      return "i";
    case CursorType::kTimestamp:
      return "t";
  }
  return "?";
}

CursorType TypeOf(const CursorValue& value) {
  if (std::holds_alternative<std::string>(value)) {
    return CursorType::kText;
  }
  return std::holds_alternative<long long>(value) ? CursorType::kInteger : CursorType::kTimestamp;
}

// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF) without control
// characters (C0, DEL, C1).
bool IsCursorText(const std::string& text) {
  size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte < 0x20 || byte == 0x7f) {
        return false;
      }
      ++i;
      continue;
    }
    int length = 0;
    unsigned int code_point = 0;
    if (byte >= 0xc2 && byte <= 0xdf) {
      length = 2;
      code_point = byte & 0x1f;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      length = 3;
      code_point = byte & 0x0f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 4;
      code_point = byte & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<size_t>(length) > text.size()) {
      return false;
    }
    for (int k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + static_cast<size_t>(k)]);
      if ((next & 0xc0) != 0x80) {
        return false;
      }
      code_point = (code_point << 6) | (next & 0x3f);
    }
    static constexpr unsigned int kShortest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < kShortest[length] || code_point > 0x10ffff ||
        (code_point >= 0xd800 && code_point <= 0xdfff) || (code_point >= 0x80 && code_point <= 0x9f)) {
      return false;
    }
    i += static_cast<size_t>(length);
  }
  return true;
}

bool Fits(const CursorValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) {
    return IsCursorText(*text);
  }
  if (const auto* at = std::get_if<CursorTimestamp>(&value)) {
    long long micros = at->time_since_epoch().count();
    return micros >= kFirstMicros && micros <= kLastMicros;
  }
  return true;
}

}  // namespace

common::Status PageCursor::Refusal() {
  return common::InvalidArgument(common::Msg("http.cursor_unknown"),
                                 {{"/cursor", common::Msg("http.cursor_not_given_out")}})
      .WithReason("bad_request");
}

common::StatusOr<std::optional<long long>> PageCursor::DecodePositive(
    const std::optional<std::string>& cursor) const {
  if (!cursor) {
    return std::optional<long long>();
  }
  auto key = Decode(*cursor);
  if (!key.ok()) {
    return key.status();
  }
  if (key->size() != 1 || !std::holds_alternative<long long>(key->front()) ||
      std::get<long long>(key->front()) < 1) {
    return Refusal();
  }
  return std::optional<long long>(std::get<long long>(key->front()));
}

PageCursor::PageCursor(std::string kind, std::vector<CursorType> types)
    : kind_(std::move(kind)), types_(std::move(types)) {
  if (kind_.empty() || !IsCursorText(kind_) || types_.empty()) {
    throw std::invalid_argument("a page cursor needs a kind and at least one sort-key type");
  }
}

std::string PageCursor::Encode(const std::vector<CursorValue>& key) const {
  if (key.size() != types_.size()) {
    throw std::invalid_argument("a sort key of " + std::to_string(key.size()) + " values for a cursor of " +
                                std::to_string(types_.size()));
  }
  nlohmann::json token = nlohmann::json::array({kind_});
  for (size_t i = 0; i < key.size(); ++i) {
    if (TypeOf(key[i]) != types_[i] || !Fits(key[i])) {
      throw std::invalid_argument("sort-key value " + std::to_string(i) + " does not fit the cursor of " +
                                  kind_);
    }
    nlohmann::json value;
    if (const auto* text = std::get_if<std::string>(&key[i])) {
      value = *text;
    } else if (const auto* number = std::get_if<long long>(&key[i])) {
      value = *number;
    } else {
      value = std::get<CursorTimestamp>(key[i]).time_since_epoch().count();
    }
    token.push_back(nlohmann::json::array({TagOf(types_[i]), std::move(value)}));
  }
  std::string encoded = common::Base64UrlEncode(token.dump());
  if (encoded.size() > kMaxCursorLength) {
    throw std::invalid_argument("a sort key too long for a cursor of " + kind_);
  }
  return encoded;
}

common::StatusOr<std::vector<CursorValue>> PageCursor::Decode(const std::string& cursor) const {
  if (cursor.empty() || cursor.size() > kMaxCursorLength) {
    return Refusal();
  }
  auto bytes = common::Base64UrlDecode(cursor);
  if (!bytes) {
    return Refusal();
  }
  // The parser refuses invalid UTF-8 in strings; control characters are refused below.
  auto token = nlohmann::json::parse(*bytes, nullptr, false);
  if (token.is_discarded() || !token.is_array() || token.size() != types_.size() + 1 || token[0] != kind_) {
    return Refusal();
  }
  std::vector<CursorValue> key;
  key.reserve(types_.size());
  for (size_t i = 0; i < types_.size(); ++i) {
    const auto& pair = token[i + 1];
    if (!pair.is_array() || pair.size() != 2 || pair[0] != TagOf(types_[i])) {
      return Refusal();
    }
    const auto& value = pair[1];
    if (types_[i] == CursorType::kText) {
      if (!value.is_string()) {
        return Refusal();
      }
      key.emplace_back(value.get<std::string>());
    } else {
      if (!value.is_number_integer() ||
          (value.is_number_unsigned() &&
           value.get<unsigned long long>() >
               static_cast<unsigned long long>(std::numeric_limits<long long>::max()))) {
        return Refusal();
      }
      long long number = value.get<long long>();
      if (types_[i] == CursorType::kInteger) {
        key.emplace_back(number);
      } else {
        key.emplace_back(CursorTimestamp(std::chrono::microseconds(number)));
      }
    }
    if (!Fits(key.back())) {
      return Refusal();
    }
  }
  // Only the very spelling Encode gives: no other whitespace, escapes, number forms or base64 tail bits.
  if (common::Base64UrlEncode(token.dump()) != cursor) {
    return Refusal();
  }
  return key;
}

}  // namespace kutse::http
