#include "session/session_cookie.hpp"

namespace kutse::gateway {
namespace {

std::string Trim(const std::string& text) {
  size_t first = text.find_first_not_of(' ');
  if (first == std::string::npos) {
    return "";
  }
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

}  // namespace

std::string SessionCookieHeader(const std::string& session_id, bool secure, int max_age_seconds) {
  return std::string(kSessionCookie) + "=" + session_id +
         "; Path=/; Max-Age=" + std::to_string(max_age_seconds) + "; HttpOnly; SameSite=Lax" +
         (secure ? "; Secure" : "");
}

std::string ClearedSessionCookieHeader(bool secure) {
  return std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" +
         (secure ? "; Secure" : "");
}

std::optional<std::string> CookieValue(const std::string& cookie_header, const std::string& name) {
  size_t start = 0;
  while (start < cookie_header.size()) {
    size_t end = cookie_header.find(';', start);
    if (end == std::string::npos) {
      end = cookie_header.size();
    }
    std::string pair = Trim(cookie_header.substr(start, end - start));
    size_t equals = pair.find('=');
    if (equals != std::string::npos && pair.substr(0, equals) == name) {
      std::string value = pair.substr(equals + 1);
      if (value.empty() || value.size() > 128 ||
          value.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") !=
              std::string::npos) {
        return std::nullopt;
      }
      return value;
    }
    start = end + 1;
  }
  return std::nullopt;
}

bool IsSafeReturnPath(const std::string& path) {
  if (path.empty() || path.size() > 1000 || path[0] != '/') {
    return false;
  }
  if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) {
    return false;  // "//evil.example" is another host
  }
  for (char c : path) {
    if (static_cast<unsigned char>(c) < 0x21 || c == '\\' || c == 0x7f) {
      return false;
    }
  }
  return true;
}

}  // namespace kutse::gateway
