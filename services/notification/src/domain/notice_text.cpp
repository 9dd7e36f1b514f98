#include "domain/notice_text.hpp"

#include "kutse/common/message_catalog.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::notification {
namespace {

std::optional<std::string> Text(const nlohmann::json& parameters, const char* name) {
  if (parameters.is_object() && parameters.contains(name) && parameters[name].is_string()) {
    return parameters[name].get<std::string>();
  }
  return std::nullopt;
}

std::string Word(const char* key, const std::string& language,
                 std::vector<std::pair<std::string, std::string>> values = {}) {
  return common::MessageCatalog::Global().Render(common::Msg(key, std::move(values)), language);
}

// A date as the language writes it (notice.date in messages/<language>.json).
std::optional<std::string> DateIn(const std::optional<std::string>& iso, const std::string& language) {
  auto date = iso ? common::ParseDate(*iso) : std::nullopt;
  if (!date) {
    return iso;
  }
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  return Word("notice.date", language,
              {{"year", std::to_string(date->year)}, {"month", two(date->month)}, {"day", two(date->day)}});
}

// The request's kind in words ("reprint request"); a kind this build does not know is a "request".
std::string RequestKindIn(const std::optional<std::string>& kind, const std::string& language) {
  static const std::map<std::string, const char*> words = {{"reprint", "notice.request_kind.reprint"},
                                                           {"duplicate", "notice.request_kind.duplicate"},
                                                           {"question", "notice.request_kind.question"}};
  auto word = kind ? words.find(*kind) : words.end();
  return Word(word == words.end() ? "notice.request_kind.other" : word->second, language);
}

// At most kExcerptChars characters (UTF-8 code points, never half of one), "…" when cut: a
// rejection's reason may be 2,000 characters, and the notice links to the whole of it.
constexpr size_t kExcerptChars = 280;

std::optional<std::string> Excerpt(const std::optional<std::string>& text) {
  if (!text) {
    return text;
  }
  size_t chars = 0;
  for (size_t i = 0; i < text->size(); ++i) {
    if ((static_cast<unsigned char>((*text)[i]) & 0xC0) != 0x80 && ++chars > kExcerptChars) {
      return text->substr(0, i) + "…";
    }
  }
  return text;
}

}  // namespace

const std::vector<std::string>& NoticeLanguages() {
  static const std::vector<std::string> languages = {"et", "en"};
  return languages;
}

const std::vector<NoticeKindSpec>& NoticeKinds() {
  static const std::vector<NoticeKindSpec> kinds = {
      {kCertificateIssued,
       {"certificate_number", "qualification_name", "awarding_body", "valid_from", "valid_until"}},
      {kDuplicateIssued,
       {"certificate_number", "qualification_name", "awarding_body", "valid_from", "valid_until",
        "duplicate_of"}},
      {kCertificateExpiring, {"certificate_number", "qualification_name", "awarding_body", "valid_until"}},
      {kCertificateExpired, {"certificate_number", "qualification_name", "awarding_body", "valid_until"}},
      {kCertificateInvalidated,
       {"certificate_number", "qualification_name", "awarding_body", "valid_until", "reason"}},
      {kCertificateAnnulled,
       {"certificate_number", "qualification_name", "awarding_body", "valid_until", "reason"}},
      {kRequestSubmitted, {"request_kind", "certificate_number", "answer_deadline"}},
      {kRequestInReview, {"request_kind", "certificate_number"}},
      {kRequestAccepted, {"request_kind", "certificate_number"}},
      {kRequestApproved, {"request_kind", "certificate_number"}},
      {kRequestRejected, {"request_kind", "certificate_number", "reason"}},
      {kRequestIssueRefused, {"request_kind", "certificate_number", "reason"}},
      {kRequestCompleted, {"request_kind", "certificate_number"}},
      {kRequestWithdrawn, {"request_kind", "certificate_number"}},
      {kRequestClosed, {"request_kind", "certificate_number"}},
      {kRequestAnswered, {"request_kind", "certificate_number"}},
      {kUnknownKind, {}},
  };
  return kinds;
}

const NoticeTemplates& Templates() {
  static const NoticeTemplates templates(NoticeTemplateFiles(), NoticeLanguages(), NoticeKinds());
  return templates;
}

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

std::optional<std::string> NoticeKindForRequestState(const std::string& to, const std::string& action) {
  if (action == "reply") {
    return std::nullopt;  // the holder's own reply reopened the question
  }
  static const std::map<std::string, const char*> kinds = {
      {"submitted", kRequestSubmitted}, {"in_review", kRequestInReview},
      {"accepted", kRequestAccepted},   {"approved", kRequestApproved},
      {"rejected", kRequestRejected},   {"issue_refused", kRequestIssueRefused},
      {"completed", kRequestCompleted}, {"withdrawn", kRequestWithdrawn},
      {"closed", kRequestClosed},
  };
  auto kind = kinds.find(to);
  if (kind == kinds.end()) {
    return std::nullopt;  // "answered": request.message_added.v1 tells of the answer
  }
  return std::string(kind->second);
}

std::map<std::string, std::string> NoticeValues(const nlohmann::json& parameters,
                                                const std::string& language) {
  const std::string unknown = Word("notice.value.unknown", language);
  auto name_en = language == "en" ? Text(parameters, "standard_name_en") : std::nullopt;
  auto body = Text(parameters, "awarding_body_name");
  std::optional<std::string> valid_until = DateIn(Text(parameters, "valid_until"), language);
  if (!valid_until && parameters.is_object() && parameters.contains("valid_until")) {
    valid_until = Word("notice.value.open_ended", language);  // null: the certificate has no end
  }
  std::map<std::string, std::optional<std::string>> values = {
      {"certificate_number", Text(parameters, "certificate_number")},
      {"qualification_name", name_en ? name_en : Text(parameters, "standard_name")},
      {"awarding_body", body ? *body : Word("notice.value.awarding_body", language)},
      {"valid_from", DateIn(Text(parameters, "valid_from"), language)},
      {"valid_until", valid_until},
      {"duplicate_of", Text(parameters, "duplicate_of")},
      {"reason", Excerpt(Text(parameters, "reason"))},
      {"request_kind", RequestKindIn(Text(parameters, "request_kind"), language)},
      {"answer_deadline", DateIn(Text(parameters, "answer_deadline"), language)},
  };
  std::map<std::string, std::string> filled;
  for (auto& [name, value] : values) {
    filled[name] = value.value_or(unknown);
  }
  return filled;
}

std::optional<std::string> CertificateLink(const std::optional<std::string>& certificate_number) {
  if (!certificate_number) {
    return std::nullopt;
  }
  // A historic number may hold a '/', which must not split the path.
  std::string link = "/api/v1/me/certificates/";
  for (char c : *certificate_number) {
    if (c == '/') {
      link += "%2F";
    } else {
      link += c;
    }
  }
  return link;
}

std::optional<std::string> NoticeLink(const std::optional<std::string>& certificate_number,
                                      const std::optional<std::string>& request_id) {
  if (request_id) {
    return "/api/v1/me/requests/" + *request_id;  // a uuid: nothing to escape
  }
  return CertificateLink(certificate_number);
}

NoticeText RenderNotice(const std::string& kind, const nlohmann::json& parameters,
                        const std::string& language) {
  return Templates().Render(kind, language, NoticeValues(parameters, language), kUnknownKind);
}

}  // namespace kutse::notification
