// The words of each notice kind in Estonian and English. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace kutse::notification {

inline constexpr const char* kCertificateIssued = "certificate_issued";

struct NoticeText {
  std::string title;
  std::string body;
};

// language: "et" or "en"; an unknown kind still gets a neutral text rather than an error.
NoticeText RenderNotice(const std::string& kind, const nlohmann::json& parameters,
                        const std::string& language);

}  // namespace kutse::notification
