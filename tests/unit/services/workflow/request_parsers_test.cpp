// The holder's request bodies read into domain types (dto/request_parsers.hpp), and the kind data
// written as JSON and read back (dto/request_data_json.hpp), as the store and the answers use them.
#include "dto/request_parsers.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "dto/request_data_json.hpp"
#include "dto/request_views.hpp"
#include "field_errors.hpp"

using namespace kutse::workflow;
using namespace kutse::workflow::testing;
using kutse::common::StatusCode;
using nlohmann::json;
using Pointers = std::vector<std::string>;

TEST_CASE("a reprint takes its delivery, with the address as sent for the domain to check") {
  auto input = dto::ParseNewRequest(json::parse(R"({"kind": "reprint", "certificate_number": "K-000123",
      "delivery": {"method": "post", "address": {"recipient_name": " Õie ", "street": "Pikk 1",
      "postal_code": "10123", "city": "Tallinn"}}})"));
  REQUIRE(input.ok());
  REQUIRE(input->kind == RequestKind::kReprint);
  REQUIRE(input->certificate_number == "K-000123");
  REQUIRE(input->delivery->method == DeliveryMethod::kPost);
  REQUIRE(input->delivery->address->recipient_name == " Õie ");
  REQUIRE(input->delivery->address->country == "EE");  // the default
  REQUIRE_FALSE(input->duplicate);
  REQUIRE_FALSE(input->message);
}

TEST_CASE("a duplicate takes its reason, corrections (a text or a list) and note") {
  auto input = dto::ParseNewRequest(json::parse(R"({"kind": "duplicate", "certificate_number": "OK-000007",
      "reason": "inaccurate_data", "note": "vale",
      "corrections": [{"field": "specialisation", "value": "Metall"},
                      {"field": "competences", "value": ["Keevitamine", "Lõikamine"]}]})"));
  REQUIRE(input.ok());
  REQUIRE(input->duplicate->reason == DuplicateReason::kInaccurateData);
  REQUIRE(input->duplicate->note == "vale");
  REQUIRE(input->duplicate->corrections.size() == 2);
  REQUIRE(input->duplicate->corrections[0].text == "Metall");
  REQUIRE(input->duplicate->corrections[1].competences ==
          std::vector<std::string>{"Keevitamine", "Lõikamine"});
}

TEST_CASE("a question takes its first message") {
  auto input = dto::ParseNewRequest(
      json::parse(R"({"kind": "question", "certificate_number": "K-1", "message": "Tere"})"));
  REQUIRE(input.ok());
  REQUIRE(input->message == "Tere");
}

TEST_CASE("every wrong member of a new request is reported at once") {
  SECTION("the kind and the number") {
    auto input = dto::ParseNewRequest(json::parse(R"({"kind": "letter", "certificate_number": "K 1"})"));
    REQUIRE(input.status().code() == StatusCode::kInvalidArgument);
    REQUIRE(ErrorPointers(input.status()) == Pointers{"/kind", "/certificate_number"});
  }
  SECTION("a member of another kind is unknown") {
    auto input = dto::ParseNewRequest(
        json::parse(R"({"kind": "question", "certificate_number": "K-1", "message": "x", "delivery": {}})"));
    REQUIRE(ErrorPointers(input.status()) == Pointers{"/delivery"});
  }
  SECTION("a reprint without its delivery, or with a wrong one") {
    REQUIRE(
        ErrorPointers(dto::ParseNewRequest(json::parse(R"({"kind": "reprint", "certificate_number": "K-1"})"))
                          .status()) == Pointers{"/delivery"});
    auto input = dto::ParseNewRequest(json::parse(R"({"kind": "reprint", "certificate_number": "K-1",
        "delivery": {"method": "drone", "address": {"street": 5, "city": "Tartu", "x": 1}}})"));
    REQUIRE(ErrorPointers(input.status()) == Pointers{"/delivery/method", "/delivery/address/x",
                                                      "/delivery/address/recipient_name",
                                                      "/delivery/address/street"});
  }
  SECTION("a duplicate's reason and corrections") {
    auto input = dto::ParseNewRequest(json::parse(R"({"kind": "duplicate", "certificate_number": "K-1",
        "reason": "stolen", "corrections": [{"field": "eyes", "value": "blue"}, {"field": "competences", "value": "x"}, 7]})"));
    REQUIRE(ErrorPointers(input.status()) ==
            Pointers{"/reason", "/corrections/0/field", "/corrections/1/value", "/corrections/2"});
  }
  SECTION("not an object") {
    REQUIRE(dto::ParseNewRequest(json::array()).status().code() == StatusCode::kInvalidArgument);
  }
}

TEST_CASE("a reply is exactly {message}") {
  REQUIRE(*dto::ParseMessage(json{{"message", "Aitäh"}}) == "Aitäh");
  REQUIRE(ErrorPointers(dto::ParseMessage(json{{"message", 5}, {"extra", true}}).status()) ==
          Pointers{"/extra", "/message"});
  REQUIRE(ErrorPointers(dto::ParseMessage(json::object()).status()) == Pointers{"/message"});
}

TEST_CASE("the list cursor is what the list made, and nothing else") {
  REQUIRE_FALSE(dto::RequestListCursor(std::nullopt)->has_value());
  REQUIRE(**dto::RequestListCursor(dto::EncodeRequestListCursor(42)) == 42);
  REQUIRE(dto::RequestListCursor(std::string("junk")).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("kind data are stored and read back unchanged") {
  Request reprint;
  reprint.kind = RequestKind::kReprint;
  reprint.delivery = ReprintDelivery{DeliveryMethod::kPost, PostalAddress{"Õie", "Pikk 1", "", "Riga", "LV"}};
  Request read_reprint;
  read_reprint.kind = RequestKind::kReprint;
  dto::ReadKindData(dto::KindDataJson(reprint), read_reprint);
  REQUIRE(read_reprint.delivery->address == reprint.delivery->address);
  REQUIRE(read_reprint.delivery->method == DeliveryMethod::kPost);

  Request duplicate;
  duplicate.kind = RequestKind::kDuplicate;
  DuplicateClaim claim;
  claim.reason = DuplicateReason::kInaccurateData;
  claim.corrected.specialisation = "Metall";
  claim.corrected.competences = std::vector<std::string>{"A", "B"};
  claim.note = "vale";
  duplicate.duplicate = claim;
  Request read_duplicate;
  read_duplicate.kind = RequestKind::kDuplicate;
  dto::ReadKindData(dto::KindDataJson(duplicate), read_duplicate);
  REQUIRE(read_duplicate.duplicate->corrected == claim.corrected);
  REQUIRE(read_duplicate.duplicate->note == claim.note);
  REQUIRE(read_duplicate.duplicate->reason == DuplicateReason::kInaccurateData);
}

TEST_CASE("the holder's view says which kind of actor acted, never who") {
  RequestDetail detail;
  detail.request.id = "5d7c2a10-3b4e-4f6a-8c9d-0e1f2a3b4c5d";
  detail.request.holder_personal_code = "49102030219";
  detail.request.answer_deadline = kutse::common::Date{2027, 1, 2};
  detail.history.push_back(HistoryEntry{"2026-12-03T10:15:00.000Z", "submit", std::nullopt,
                                        RequestState::kSubmitted, ActorKind::kHolder, std::nullopt,
                                        std::nullopt, std::nullopt});
  json view = dto::RequestDetailView(detail, kutse::common::Date{2027, 1, 3});
  REQUIRE(view.dump().find("49102030219") == std::string::npos);
  REQUIRE(view["history"][0]["by"] == json{{"kind", "holder"}, {"body_id", nullptr}});
  REQUIRE(view["overdue"] == true);  // undecided, and the deadline has passed
  REQUIRE(view["handled_by"]["kind"] == "register_keeper");
}

TEST_CASE("the inbox takes a kind, a state and its own cursor, and names a wrong one") {
  auto all = dto::ParseInboxQuery(std::nullopt, std::nullopt, std::nullopt);
  REQUIRE((!all->kind && !all->state && !all->after));
  auto filtered = dto::ParseInboxQuery(std::string("duplicate"), std::string("in_review"), std::nullopt);
  REQUIRE(filtered->kind == RequestKind::kDuplicate);
  REQUIRE(filtered->state == RequestState::kInReview);
  REQUIRE(ErrorPointers(dto::ParseInboxQuery(std::string("letter"), std::nullopt, std::nullopt).status()) ==
          Pointers{"/kind"});
  REQUIRE(ErrorPointers(dto::ParseInboxQuery(std::nullopt, std::string("lost"), std::nullopt).status()) ==
          Pointers{"/state"});
  const InboxKey key{true, "2026-12-03T10:15:00.000Z", "5d7c2a10-3b4e-4f6a-8c9d-0e1f2a3b4c5d"};
  auto after = dto::ParseInboxQuery(std::nullopt, std::nullopt, dto::EncodeInboxCursor(key));
  REQUIRE(after->after->overdue);
  REQUIRE(after->after->submitted_at == key.submitted_at);
  REQUIRE(after->after->id == key.id);
  // Well-formed, but not a key the inbox gives out: refused like any other cursor not its own.
  auto forged = dto::EncodeInboxCursor(InboxKey{false, "yesterday", key.id});
  REQUIRE(dto::ParseInboxQuery(std::nullopt, std::nullopt, forged).status().code() ==
          StatusCode::kInvalidArgument);
  REQUIRE(dto::ParseInboxQuery(std::nullopt, std::nullopt, dto::EncodeRequestListCursor(3)).status().code() ==
          StatusCode::kInvalidArgument);
}
