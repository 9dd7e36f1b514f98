// The register's copy of a workflow request: news applies in any order, an older piece never
// overwrites a newer one, a finished request stays finished against a late submission, a reopened
// question is open again, and the submission's time is kept whenever it arrives.
#include "domain/open_request.hpp"

#include <catch2/catch.hpp>

using kutse::certificate::ApplyNews;
using kutse::certificate::IsOpen;
using kutse::certificate::OpenRequest;
using kutse::certificate::RequestNews;
using kutse::certificate::Supersedes;

namespace {

const char* const kId = "5d7c2a10-3b4e-4f6a-8c9d-0e1f2a3b4c5d";

RequestNews Submitted(const std::string& at) {
  return RequestNews{kId, "reprint", "K-000123", std::nullopt, "submitted", at};
}

RequestNews Changed(const std::string& from, const std::string& to, const std::string& at) {
  return RequestNews{kId, "reprint", "K-000123", from, to, at};
}

OpenRequest Fold(std::optional<OpenRequest> copy, const std::vector<RequestNews>& news) {
  for (const auto& piece : news) {
    copy = ApplyNews(copy, piece);
  }
  return *copy;
}

}  // namespace

TEST_CASE("a submission makes an open copy with its time", "[open_request]") {
  OpenRequest copy = ApplyNews(std::nullopt, Submitted("2026-12-03T10:15:00.000Z"));
  CHECK(copy.request_id == kId);
  CHECK(copy.kind == "reprint");
  CHECK(copy.certificate_number == "K-000123");
  CHECK(copy.state == "submitted");
  CHECK(copy.submitted_at == std::optional<std::string>("2026-12-03T10:15:00.000Z"));
  CHECK(IsOpen(copy));
}

TEST_CASE("a withdrawal ends it, whichever of the two arrives first", "[open_request]") {
  const auto submitted = Submitted("2026-12-03T10:15:00.000Z");
  const auto withdrawn = Changed("submitted", "withdrawn", "2026-12-03T11:00:00.000Z");
  OpenRequest in_order = Fold(std::nullopt, {submitted, withdrawn});
  OpenRequest reversed = Fold(std::nullopt, {withdrawn, submitted});
  CHECK(in_order.state == "withdrawn");
  CHECK_FALSE(IsOpen(in_order));
  CHECK(reversed.state == "withdrawn");
  CHECK_FALSE(IsOpen(reversed));
  CHECK(reversed.changed_at == "2026-12-03T11:00:00.000Z");
  CHECK(reversed.submitted_at == std::optional<std::string>("2026-12-03T10:15:00.000Z"));
}

TEST_CASE("a status change that arrives first has no submission time yet", "[open_request]") {
  OpenRequest copy = ApplyNews(std::nullopt, Changed("submitted", "in_review", "2026-12-03T10:20:00.000Z"));
  CHECK(copy.state == "in_review");
  CHECK_FALSE(copy.submitted_at.has_value());
  CHECK(IsOpen(copy));
}

TEST_CASE("an older status change never overwrites a newer one", "[open_request]") {
  const auto taken = Changed("submitted", "in_review", "2026-12-03T10:20:00.000Z");
  const auto accepted = Changed("in_review", "accepted", "2026-12-03T10:30:00.000Z");
  const auto completed = Changed("accepted", "completed", "2026-12-04T09:00:00.000Z");
  OpenRequest copy = Fold(std::nullopt, {completed, taken, accepted});
  CHECK(copy.state == "completed");
  CHECK(copy.changed_at == "2026-12-04T09:00:00.000Z");
  CHECK_FALSE(IsOpen(copy));
}

TEST_CASE("a repeat changes nothing", "[open_request]") {
  const auto taken = Changed("submitted", "in_review", "2026-12-03T10:20:00.000Z");
  OpenRequest once = Fold(std::nullopt, {Submitted("2026-12-03T10:15:00.000Z"), taken});
  OpenRequest twice = ApplyNews(once, taken);
  CHECK(twice.state == once.state);
  CHECK(twice.changed_at == once.changed_at);
  CHECK(twice.submitted_at == once.submitted_at);
  CHECK_FALSE(Supersedes(once, taken));
}

TEST_CASE("a closed question reopened by the holder's reply is open again", "[open_request]") {
  RequestNews asked{kId, "question", "K-000123", std::nullopt, "submitted", "2026-12-03T10:15:00.000Z"};
  RequestNews closed{
      kId, "question", "K-000123", std::string("submitted"), "closed", "2026-12-03T12:00:00.000Z"};
  RequestNews reopened{
      kId, "question", "K-000123", std::string("closed"), "submitted", "2026-12-04T08:30:00.000Z"};
  OpenRequest copy = Fold(std::nullopt, {asked, closed, reopened});
  CHECK(copy.state == "submitted");
  CHECK(IsOpen(copy));
  CHECK(copy.submitted_at == std::optional<std::string>("2026-12-03T10:15:00.000Z"));
  // The closing arriving after the reopening is older: it stays open.
  OpenRequest late = Fold(std::nullopt, {asked, reopened, closed});
  CHECK(late.state == "submitted");
  CHECK(IsOpen(late));
}

TEST_CASE("at the same instant the change that starts from the known state follows it", "[open_request]") {
  const std::string at = "2026-12-03T10:15:00.000Z";
  OpenRequest submitted = ApplyNews(std::nullopt, Submitted(at));
  CHECK(Supersedes(submitted, Changed("submitted", "withdrawn", at)));
  OpenRequest withdrawn = ApplyNews(submitted, Changed("submitted", "withdrawn", at));
  CHECK(withdrawn.state == "withdrawn");
  CHECK_FALSE(Supersedes(withdrawn, Submitted(at)));
  CHECK(ApplyNews(withdrawn, Submitted(at)).state == "withdrawn");
  // A change from another state at that instant is the earlier one.
  CHECK_FALSE(Supersedes(withdrawn, Changed("in_review", "submitted", at)));
}

TEST_CASE("the finished states are the workflow's terminal ones", "[open_request]") {
  for (const char* state : {"rejected", "completed", "withdrawn", "closed"}) {
    CHECK(kutse::certificate::IsFinishedRequestState(state));
  }
  for (const char* state : {"submitted", "in_review", "accepted", "approved", "issue_refused", "answered"}) {
    CHECK_FALSE(kutse::certificate::IsFinishedRequestState(state));
  }
}
