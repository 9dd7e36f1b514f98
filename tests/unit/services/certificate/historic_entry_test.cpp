#include "domain/historic_entry.hpp"

#include <catch2/catch.hpp>

#include "domain/historic_level.hpp"
#include "dto/historic_entry_parser.hpp"
#include "field_error_pointers.hpp"

using namespace kutse::certificate;
using kutse::certificate::dto::ParseHistoricEntry;
using kutse::common::Date;

namespace {

const Date kToday{2026, 11, 27};

nlohmann::json OldScaleRow() {
  return {{"number", "012345"},
          {"holder_personal_code", "36805280109"},
          {"holder_name", "Jüri Õunapuu"},
          {"standard_name", "Müürsepp"},
          {"historic_level", "III"},
          {"awarding_body_id", "80054321"},
          {"issue_date", "1998-06-01"},
          {"valid_from", "1998-06-01"},
          {"valid_until", "2003-05-31"}};
}

// The entry as the register holds it once imported: the same certificate, recorded.
Certificate Stored(const Certificate& entry) {
  Certificate stored = entry;
  stored.issued_at = "2026-11-27T10:00:00.000Z";
  return stored;
}

}  // namespace

TEST_CASE("the old 5-level scale maps to EstQF levels") {
  REQUIRE(EstqfLevelOfHistoricLevel("I") == 2);
  REQUIRE(EstqfLevelOfHistoricLevel("II") == 3);
  REQUIRE(EstqfLevelOfHistoricLevel("III") == 4);
  REQUIRE(EstqfLevelOfHistoricLevel("IV") == 5);
  REQUIRE(EstqfLevelOfHistoricLevel("V") == 7);
  REQUIRE_FALSE(EstqfLevelOfHistoricLevel("VI"));
  REQUIRE_FALSE(EstqfLevelOfHistoricLevel("3"));
}

TEST_CASE("an old-scale entry keeps its number and old level and expires by its dates") {
  auto result = ParseHistoricEntry(OldScaleRow(), kToday);
  REQUIRE(result.ok());
  const auto& entry = *(result);
  REQUIRE(entry.number == "012345");
  REQUIRE(entry.level == 4);
  REQUIRE(*entry.historic_level == "III");
  REQUIRE(entry.origin == CertificateOrigin::kImported);
  REQUIRE(entry.status == CertificateStatus::kExpired);
}

TEST_CASE("a level must agree with the old level, and one of them is required") {
  auto row = OldScaleRow();
  row["level"] = 5;
  auto result = ParseHistoricEntry(row, kToday);
  REQUIRE(result.status().field_errors().front().pointer == "/level");
  row.erase("level");
  row.erase("historic_level");
  REQUIRE(ParseHistoricEntry(row, kToday).status().field_errors().front().pointer == "/level");
  row["level"] = 6;
  REQUIRE(ParseHistoricEntry(row, kToday)->level == 6);
}

TEST_CASE("a stated status must fit the dates") {
  auto row = OldScaleRow();
  row["status"] = "valid";
  REQUIRE(ParseHistoricEntry(row, kToday).status().field_errors().front().pointer == "/status");
  row["valid_until"] = nullptr;
  row["status"] = "expired";
  REQUIRE(ParseHistoricEntry(row, kToday).status().field_errors().front().pointer == "/status");
  row["status"] = "annulled";
  row["status_reason"] = "kanti sisse ekslikult";
  REQUIRE(ParseHistoricEntry(row, kToday)->status == CertificateStatus::kAnnulled);
}

TEST_CASE("an entry is the same only with the same data, valid and expired counting as one") {
  auto entry = *(ParseHistoricEntry(OldScaleRow(), kToday));
  auto stored = Stored(entry);
  REQUIRE(IsSameEntry(entry, stored));
  stored.status = CertificateStatus::kValid;
  REQUIRE(IsSameEntry(entry, stored));
  stored.status = CertificateStatus::kAnnulled;
  REQUIRE_FALSE(IsSameEntry(entry, stored));
  stored = Stored(entry);
  stored.holder_name = "Jüri Õunapuu-Tamm";
  REQUIRE_FALSE(IsSameEntry(entry, stored));
  stored = Stored(entry);
  stored.origin = CertificateOrigin::kIssued;  // a number the register itself gave is never an import's
  REQUIRE_FALSE(IsSameEntry(entry, stored));
}

TEST_CASE("wrong rows are refused field by field") {
  nlohmann::json row = {{"number", " "},
                        {"holder_personal_code", "36805280108"},
                        {"historic_level", "VI"},
                        {"awarding_body_id", "123"},
                        {"issue_date", "2030-01-01"},
                        {"valid_from", "x"}};
  auto pointers = testing::ErrorPointers(ParseHistoricEntry(row, kToday));
  for (const char* expected : {"/number", "/holder_personal_code", "/holder_name", "/standard_name",
                               "/historic_level", "/awarding_body_id", "/issue_date", "/valid_from"}) {
    INFO(expected);
    REQUIRE(std::find(pointers.begin(), pointers.end(), expected) != pointers.end());
  }
}
