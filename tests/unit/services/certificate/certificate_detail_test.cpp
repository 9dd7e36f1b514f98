#include <catch2/catch.hpp>

#include "domain/history_entry.hpp"
#include "domain/print_order.hpp"
#include "dto/certificate_requests.hpp"
#include "dto/certificate_views.hpp"
#include "field_error_pointers.hpp"

using namespace kutse::certificate;
using namespace kutse::certificate::dto;

namespace {

// A print refusal: its message names the duplicate when one replaced the certificate.
std::optional<std::string> PrintRefusal(const Certificate& certificate, const PrintOrder& order) {
  auto status = CheckPrintable(certificate, order);
  if (status.ok()) {
    return std::nullopt;
  }
  std::string shown = status.message().key;
  for (const auto& [name, value] : status.message().values) {
    shown += " " + value;
  }
  return shown;
}

}  // namespace

TEST_CASE("the holder learns who changed a certificate by kind, never by name") {
  std::vector<HistoryEntry> history = {
      {"2026-01-01T10:00:00.000Z",
       "EE38001085718",
       HistoryChange::kIssued,
       std::nullopt,
       nullptr,
       {{"status", "valid"}}},
      {"2026-01-02T10:00:00.000Z",
       "EE49102030219",
       HistoryChange::kPublished,
       std::nullopt,
       {{"published", false}},
       {{"published", true}}},
      {"2026-01-03T10:00:00.000Z", "workflow:80012345", HistoryChange::kReplaced, std::string("lost"),
       nullptr, nullptr},
      {"2031-01-01T00:00:00.000Z",
       "system",
       HistoryChange::kExpired,
       std::nullopt,
       {{"status", "valid"}},
       {{"status", "expired"}}},
  };
  auto holder = HolderHistoryView(history, "EE49102030219");
  REQUIRE(holder[0]["by"] == "staff");
  REQUIRE(holder[1]["by"] == "holder");
  REQUIRE(holder[2]["by"] == "staff");
  REQUIRE(holder[3]["by"] == "system");
  REQUIRE(holder.dump().find("38001085718") == std::string::npos);
  REQUIRE(holder[2]["reason"] == "lost");
  auto staff = StaffHistoryView(history);
  REQUIRE(staff[0]["changed_by"] == "EE38001085718");
  REQUIRE_FALSE(staff[0].contains("by"));
}

TEST_CASE("a print order names its reason and delivery") {
  auto order = *(ParsePrintOrder({{"reason", "reprint"}, {"delivery", "post"}, {"note", "Tartu"}}));
  REQUIRE(order.reason == PrintReason::kReprint);
  REQUIRE(order.note == std::optional<std::string>("Tartu"));
  auto pointers = testing::ErrorPointers(ParsePrintOrder({{"reason", "gift"}, {"colour", "red"}}));
  std::sort(pointers.begin(), pointers.end());
  REQUIRE(pointers == std::vector<std::string>{"/colour", "/delivery", "/reason"});
}

TEST_CASE("only a document in use is printed, and a duplicate's print only of a duplicate") {
  Certificate certificate;
  certificate.number = "K-000007";
  PrintOrder reprint{PrintReason::kReprint, PrintDelivery::kPost, std::nullopt};
  PrintOrder duplicate_print{PrintReason::kDuplicate, PrintDelivery::kInPerson, std::nullopt};
  REQUIRE_FALSE(PrintRefusal(certificate, reprint));
  REQUIRE(PrintRefusal(certificate, duplicate_print));
  certificate.status = CertificateStatus::kExpired;
  REQUIRE_FALSE(PrintRefusal(certificate, reprint));
  certificate.status = CertificateStatus::kInvalidated;
  REQUIRE(PrintRefusal(certificate, reprint));
  certificate.status = CertificateStatus::kAnnulled;
  REQUIRE(PrintRefusal(certificate, reprint));
  certificate.status = CertificateStatus::kValid;
  certificate.replaced_by = "K-000009";
  REQUIRE(PrintRefusal(certificate, reprint)->find("K-000009") != std::string::npos);
  Certificate copy;
  copy.duplicate_of = "K-000007";
  REQUIRE_FALSE(PrintRefusal(copy, duplicate_print));
}
