#include "mail/mime_message.hpp"

#include <openssl/evp.h>

#include <ctime>
#include <stdexcept>

namespace kutse::notification::mail {
namespace {

std::string Base64(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  int written =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(written));
  return out;
}

bool IsPlainAscii(const std::string& text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7e) {
      return false;
    }
  }
  return text.find("=?") == std::string::npos;
}

// Length of the UTF-8 sequence that starts with this byte (1 for a stray continuation byte).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xf0) {
    return 4;
  }
  if (lead >= 0xe0) {
    return 3;
  }
  if (lead >= 0xc0) {
    return 2;
  }
  return 1;
}

void RequireHeaderSafe(const std::string& value, const char* what, bool address) {
  bool ok = !value.empty() && value.size() <= 254;
  for (unsigned char c : value) {
    ok = ok && c > 0x20 && c < 0x7f && c != '<' && c != '>';
  }
  if (address) {
    ok = ok && IsSendableAddress(value);
  } else {
    ok = ok && value.find('@') != std::string::npos;
  }
  if (!ok) {
    throw std::invalid_argument(std::string("mail: not a usable ") + what);
  }
}

}  // namespace

bool IsSendableAddress(const std::string& address) {
  auto at = address.rfind('@');
  if (address.size() > 254 || at == std::string::npos || at == 0 || at + 1 == address.size() || at > 64) {
    return false;
  }
  const std::string kLocalExtra = "!#$%&'*+/=?^_`{|}~.-";
  for (size_t i = 0; i < address.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(address[i]);
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    bool allowed = i < at ? alnum || kLocalExtra.find(static_cast<char>(c)) != std::string::npos
                          : alnum || c == '.' || c == '-' || i == at;
    if (!allowed) {
      return false;
    }
  }
  std::string domain = address.substr(at + 1);
  return domain.find('.') != std::string::npos && domain.front() != '.' && domain.back() != '.' &&
         address.find("..") == std::string::npos && address[0] != '.' && address[at - 1] != '.';
}

std::string EncodeHeaderText(const std::string& utf8) {
  if (IsPlainAscii(utf8)) {
    return utf8;
  }
  // 75 characters a word: "=?UTF-8?B?" (10) + "?=" (2) leave 63, i.e. 45 input bytes as base64 (60).
  constexpr size_t kChunk = 45;
  std::string out;
  size_t i = 0;
  while (i < utf8.size()) {
    size_t end = i;
    while (end < utf8.size()) {
      size_t next = end + SequenceLength(static_cast<unsigned char>(utf8[end]));
      if (next - i > kChunk) {
        break;
      }
      end = next;
    }
    if (end == i) {
      end = std::min(utf8.size(), i + 1);  // a malformed lead byte longer than a chunk: move on
    }
    if (!out.empty()) {
      out += "\r\n ";
    }
    out += "=?UTF-8?B?" + Base64(utf8.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string FormatMailDate(std::chrono::system_clock::time_point at) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[utc.tm_wday], utc.tm_mday,
                kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return text;
}

std::string Base64Lines(const std::string& bytes) {
  std::string encoded = Base64(bytes);
  std::string out;
  for (size_t i = 0; i < encoded.size(); i += 76) {
    out += encoded.substr(i, 76) + "\r\n";
  }
  return out;
}

std::string BuildMime(const MailMessage& message) {
  RequireHeaderSafe(message.from, "From address", true);
  RequireHeaderSafe(message.to, "To address", true);
  RequireHeaderSafe(message.message_id, "Message-ID", false);
  // The body's own line ends become CRLF before encoding, as text/plain asks.
  std::string body;
  for (char c : message.body) {
    if (c == '\n') {
      body += "\r\n";
    } else if (c != '\r') {
      body += c;
    }
  }
  std::string out;
  out += "Date: " + FormatMailDate(message.date) + "\r\n";
  out += "From: " + message.from + "\r\n";
  out += "To: " + message.to + "\r\n";
  out += "Message-ID: <" + message.message_id + ">\r\n";
  out += "Subject: " + EncodeHeaderText(message.subject) + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  out += "\r\n";
  out += Base64Lines(body);
  return out;
}

}  // namespace kutse::notification::mail
