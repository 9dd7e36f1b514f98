// The notices about a holder's own requests: which request.* event gives which kind (never one for
// the holder's own message or reply), and their texts in both languages from the templates.
#include <catch2/catch.hpp>

#include "domain/notice_text.hpp"
#include "events/notice_mappings.hpp"
#include "notification_service.hpp"

using namespace kutse::notification;

namespace {

[[maybe_unused]] const bool kLoaded = (LoadMessages(), true);

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const NoticeMapping& MappingOf(const std::string& event_type) {
  for (const auto& mapping : NoticeMappings()) {
    if (mapping.event_type == event_type) {
      return mapping;
    }
  }
  FAIL("no mapping for " << event_type);
  throw std::logic_error("unreachable");
}

std::optional<std::string> StatusKind(const std::string& from, const std::string& to,
                                      const std::string& action) {
  nlohmann::json data = {{"request_id", "5d7c2a10-3b4e-4f6a-8c9d-0e1f2a3b4c5d"},
                         {"kind", "reprint"},
                         {"certificate_number", "K-000123"},
                         {"from", from},
                         {"to", to},
                         {"action", action}};
  return MappingOf(kRequestStatusChangedV1).kind_of(data);
}

const nlohmann::json kRequest = {
    {"request_kind", "question"}, {"certificate_number", "K-000123"}, {"answer_deadline", "2026-12-17"}};

}  // namespace

TEST_CASE("the request events are consumed as notices about a request, each naming its members") {
  for (const char* type : {kRequestSubmittedV1, kRequestStatusChangedV1, kRequestMessageAddedV1}) {
    const NoticeMapping& mapping = MappingOf(type);
    INFO(type);
    REQUIRE(mapping.about_request);
    for (const char* member : {"request_id", "kind", "certificate_number"}) {
      REQUIRE(std::find(mapping.required.begin(), mapping.required.end(), member) != mapping.required.end());
    }
  }
  REQUIRE_FALSE(MappingOf(kCertificateIssuedV1).about_request);
  REQUIRE_FALSE(MappingOf(kCertificateStatusChangedV1).about_request);
}

TEST_CASE("a submitted request gives its receipt") {
  REQUIRE(MappingOf(kRequestSubmittedV1).kind_of({{"state", "submitted"}}) == std::string(kRequestSubmitted));
}

TEST_CASE("each state change the holder is told of has its kind") {
  REQUIRE(StatusKind("submitted", "in_review", "take") == std::string(kRequestInReview));
  REQUIRE(StatusKind("in_review", "accepted", "accept") == std::string(kRequestAccepted));
  REQUIRE(StatusKind("in_review", "approved", "approve") == std::string(kRequestApproved));
  REQUIRE(StatusKind("in_review", "rejected", "reject") == std::string(kRequestRejected));
  REQUIRE(StatusKind("approved", "issue_refused", "issue_refused") == std::string(kRequestIssueRefused));
  REQUIRE(StatusKind("accepted", "completed", "mark_delivered") == std::string(kRequestCompleted));
  REQUIRE(StatusKind("approved", "completed", "duplicate_issued") == std::string(kRequestCompleted));
  REQUIRE(StatusKind("submitted", "withdrawn", "withdraw") == std::string(kRequestWithdrawn));
  REQUIRE(StatusKind("answered", "closed", "close") == std::string(kRequestClosed));
}

TEST_CASE("no notice for the holder's own reply reopening a question, nor twice for an answer") {
  REQUIRE_FALSE(StatusKind("closed", "submitted", "reply"));
  REQUIRE_FALSE(StatusKind("answered", "submitted", "reply"));
  // The answer's message gives the notice; its state change would tell the same thing again.
  REQUIRE_FALSE(StatusKind("in_review", "answered", "answer"));
  REQUIRE_FALSE(StatusKind("in_review", "some_new_state", "some_new_action"));
}

TEST_CASE("a message from the body is an answer; the holder's own message is no notice") {
  const NoticeMapping& mapping = MappingOf(kRequestMessageAddedV1);
  REQUIRE(mapping.kind_of({{"author", "clerk"}}) == std::string(kRequestAnswered));
  REQUIRE(mapping.kind_of({{"author", "register_keeper"}}) == std::string(kRequestAnswered));
  REQUIRE_FALSE(mapping.kind_of({{"author", "holder"}}));
}

TEST_CASE("a receipt names the request kind in words, the certificate and the deadline in each language") {
  auto et = RenderNotice(kRequestSubmitted, kRequest, "et");
  auto en = RenderNotice(kRequestSubmitted, kRequest, "en");
  REQUIRE(et.title == "Pöördumine on kätte saadud");
  REQUIRE(et.body ==
          "Teie pöördumine (küsimus) kutsetunnistuse K-000123 kohta on kätte saadud. Vastus tuleb hiljemalt "
          "17.12.2026.");
  REQUIRE(en.title == "Request received");
  REQUIRE(en.body ==
          "Your question about professional certificate K-000123 has been received. The answer is due by "
          "2026-12-17.");
  nlohmann::json reprint = kRequest;
  reprint["request_kind"] = "reprint";
  REQUIRE(Has(RenderNotice(kRequestInReview, reprint, "et").body, "(kordustrüki taotlus)"));
  REQUIRE(Has(RenderNotice(kRequestInReview, reprint, "en").body, "Your reprint request about"));
  reprint["request_kind"] = "duplicate";
  REQUIRE(Has(RenderNotice(kRequestWithdrawn, reprint, "en").body, "Your duplicate request about"));
}

TEST_CASE("a rejection carries its reason, cut to an excerpt at a character boundary when long") {
  nlohmann::json rejected = kRequest;
  rejected["request_kind"] = "reprint";
  rejected["reason"] = "Tunnistus ei ole jõus.";
  REQUIRE(Has(RenderNotice(kRequestRejected, rejected, "et").body, "Põhjus: Tunnistus ei ole jõus."));
  REQUIRE(Has(RenderNotice(kRequestRejected, rejected, "en").body, "Reason: Tunnistus ei ole jõus."));

  std::string long_reason;
  for (int i = 0; i < 400; ++i) {
    long_reason += "õ";  // two bytes each: a byte cut would split one
  }
  rejected["reason"] = long_reason;
  auto body = RenderNotice(kRequestRejected, rejected, "en").body;
  std::string kept = body.substr(body.find("Reason: ") + 8);
  REQUIRE(kept.size() == 280 * 2 + std::string("…").size());
  REQUIRE(kept.compare(kept.size() - std::string("…").size(), std::string::npos, "…") == 0);
  rejected["reason"] = long_reason.substr(0, 280 * 2);
  REQUIRE(Has(RenderNotice(kRequestRejected, rejected, "en").body, long_reason.substr(0, 280 * 2)));
  REQUIRE_FALSE(Has(RenderNotice(kRequestRejected, rejected, "en").body, "…"));
}

TEST_CASE("every request notice reads in both languages, an unknown request kind neutrally") {
  for (const char* kind :
       {kRequestSubmitted, kRequestInReview, kRequestAccepted, kRequestApproved, kRequestRejected,
        kRequestIssueRefused, kRequestCompleted, kRequestWithdrawn, kRequestClosed, kRequestAnswered}) {
    for (const char* language : {"et", "en"}) {
      INFO(kind << " " << language);
      auto text = RenderNotice(kind, kRequest, language);
      REQUIRE(text.title != RenderNotice(kUnknownKind, kRequest, language).title);
      REQUIRE(Has(text.body, "K-000123"));
      REQUIRE_FALSE(Has(text.body, "{"));
    }
  }
  nlohmann::json future = kRequest;
  future["request_kind"] = "application";
  REQUIRE(Has(RenderNotice(kRequestInReview, future, "en").body, "Your request about"));
}

TEST_CASE("a request notice links to the request, any other to its certificate") {
  REQUIRE(NoticeLink(std::string("K-000123"), std::string("5d7c2a10-3b4e-4f6a-8c9d-0e1f2a3b4c5d")) ==
          std::string("/api/v1/me/requests/5d7c2a10-3b4e-4f6a-8c9d-0e1f2a3b4c5d"));
  REQUIRE(NoticeLink(std::string("K-000123"), std::nullopt) ==
          std::string("/api/v1/me/certificates/K-000123"));
  REQUIRE_FALSE(NoticeLink(std::nullopt, std::nullopt));
}
