#include "domain/notice_text.hpp"

#include "kutse/common/message_catalog.hpp"

namespace kutse::notification {
namespace {

struct KindTexts {
  const char* kind;
  const char* title;  // message keys (services/notification/messages)
  const char* body;
};

constexpr KindTexts kTexts[] = {
    {kCertificateIssued, "notice.certificate_issued.title", "notice.certificate_issued.body"},
    {kDuplicateIssued, "notice.duplicate_issued.title", "notice.duplicate_issued.body"},
    {kCertificateExpired, "notice.certificate_expired.title", "notice.certificate_expired.body"},
    {kCertificateInvalidated, "notice.certificate_invalidated.title", "notice.certificate_invalidated.body"},
    {kCertificateAnnulled, "notice.certificate_annulled.title", "notice.certificate_annulled.body"},
};
constexpr KindTexts kUnknownKind = {"", "notice.unknown.title", "notice.unknown.body"};

// Every parameter that is text fills the placeholder of its name; the rest are left out.
std::vector<std::pair<std::string, std::string>> Values(const nlohmann::json& parameters) {
  std::vector<std::pair<std::string, std::string>> values;
  if (parameters.is_object()) {
    for (const auto& [name, value] : parameters.items()) {
      if (value.is_string()) {
        values.emplace_back(name, value.get<std::string>());
      }
    }
  }
  return values;
}

}  // namespace

std::optional<std::string> NoticeKindForStatus(const std::string& status) {
  if (status == "expired") {
    return std::string(kCertificateExpired);
  }
  if (status == "invalidated") {
    return std::string(kCertificateInvalidated);
  }
  if (status == "annulled") {
    return std::string(kCertificateAnnulled);
  }
  return std::nullopt;
}

NoticeText RenderNotice(const std::string& kind, const nlohmann::json& parameters,
                        const std::string& language) {
  const KindTexts* texts = &kUnknownKind;
  for (const auto& candidate : kTexts) {
    if (kind == candidate.kind) {
      texts = &candidate;
    }
  }
  const auto& catalog = common::MessageCatalog::Global();
  auto values = Values(parameters);
  return {catalog.Render(common::Msg(texts->title, values), language),
          catalog.Render(common::Msg(texts->body, values), language)};
}

}  // namespace kutse::notification
