// The workflow's request events read into RequestNews: what the copy needs is taken, the times are
// written with three decimals whatever precision came, and anything malformed is refused.
#include "events/request_news_event.hpp"

#include <catch2/catch.hpp>

using kutse::certificate::ParseRequestStatusChanged;
using kutse::certificate::ParseRequestSubmitted;
using nlohmann::json;

namespace {

json SubmittedData() {
  return {{"request_id", "5d7c2a10-3b4e-4f6a-8c9d-0e1f2a3b4c5d"},
          {"kind", "reprint"},
          {"certificate_number", "K-000123"},
          {"holder_personal_code", "60001019906"},
          {"route", "80012345"},
          {"state", "submitted"},
          {"submitted_at", "2026-12-03T10:15:00.120Z"},
          {"answer_deadline", "2027-01-02"}};
}

json ChangedData() {
  json data = SubmittedData();
  data.erase("state");
  data.erase("submitted_at");
  data.erase("answer_deadline");
  data["from"] = "submitted";
  data["to"] = "withdrawn";
  data["action"] = "withdraw";
  data["changed_by"] = "holder";
  data["reason"] = nullptr;
  data["changed_at"] = "2026-12-03T11:00:00.000Z";
  return data;
}

}  // namespace

TEST_CASE("a submission is read with its time and no from", "[request_news]") {
  auto news = ParseRequestSubmitted(SubmittedData());
  REQUIRE(news.ok());
  CHECK(news->request_id == "5d7c2a10-3b4e-4f6a-8c9d-0e1f2a3b4c5d");
  CHECK(news->kind == "reprint");
  CHECK(news->certificate_number == "K-000123");
  CHECK(news->state == "submitted");
  CHECK_FALSE(news->from.has_value());
  CHECK(news->at == "2026-12-03T10:15:00.120Z");
}

TEST_CASE("a status change is read with from, to and its time", "[request_news]") {
  auto news = ParseRequestStatusChanged(ChangedData());
  REQUIRE(news.ok());
  CHECK(news->from == std::optional<std::string>("submitted"));
  CHECK(news->state == "withdrawn");
  CHECK(news->at == "2026-12-03T11:00:00.000Z");
}

TEST_CASE("times come back with exactly three decimals", "[request_news]") {
  json data = ChangedData();
  data["changed_at"] = "2026-12-03T11:00:00Z";
  CHECK(ParseRequestStatusChanged(data)->at == "2026-12-03T11:00:00.000Z");
  data["changed_at"] = "2026-12-03T11:00:00.5Z";
  CHECK(ParseRequestStatusChanged(data)->at == "2026-12-03T11:00:00.500Z");
  data["changed_at"] = "2026-12-03T11:00:00.123456Z";
  CHECK(ParseRequestStatusChanged(data)->at == "2026-12-03T11:00:00.123Z");
}

TEST_CASE("malformed request events are refused as invalid", "[request_news]") {
  const auto refused = [](const json& data, bool submitted) {
    auto news = submitted ? ParseRequestSubmitted(data) : ParseRequestStatusChanged(data);
    return !news.ok() && news.status().code() == kutse::common::StatusCode::kInvalidArgument;
  };
  CHECK(refused(json::array(), true));
  for (const char* time : {"2026-12-03 11:00:00Z", "2026-02-30T11:00:00Z", "2026-12-03T24:00:00Z",
                           "2026-12-03T11:00:00.Z", "2026-12-03T11:00:00+02:00", "yesterday"}) {
    json data = ChangedData();
    data["changed_at"] = time;
    CHECK(refused(data, false));
  }
  json data = SubmittedData();
  data["request_id"] = "not-a-uuid";
  CHECK(refused(data, true));
  data = SubmittedData();
  data["kind"] = "complaint";
  CHECK(refused(data, true));
  data = SubmittedData();
  data["certificate_number"] = "K 000 123";
  CHECK(refused(data, true));
  data = ChangedData();
  data["to"] = "lost";
  CHECK(refused(data, false));
  data = ChangedData();
  data.erase("from");
  CHECK(refused(data, false));
}
