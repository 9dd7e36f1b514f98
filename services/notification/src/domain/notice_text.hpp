// The words of each notice kind, in the reader's language: the texts are in
// services/notification/messages/<language>.json as notice.<kind>.title and notice.<kind>.body,
// filled with the notice's own parameters. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace kutse::notification {

inline constexpr const char* kCertificateIssued = "certificate_issued";
inline constexpr const char* kCertificateExpired = "certificate_expired";
inline constexpr const char* kCertificateInvalidated = "certificate_invalidated";
inline constexpr const char* kCertificateAnnulled = "certificate_annulled";
inline constexpr const char* kDuplicateIssued = "duplicate_issued";

struct NoticeText {
  std::string title;
  std::string body;
};

// The notice kind for a certificate's new status, or nullopt when there is nothing to tell.
std::optional<std::string> NoticeKindForStatus(const std::string& status);

// language: "et" or "en"; an unknown kind still gets a neutral text rather than an error.
NoticeText RenderNotice(const std::string& kind, const nlohmann::json& parameters,
                        const std::string& language);

}  // namespace kutse::notification
