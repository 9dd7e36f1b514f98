// The public's verification as a use case, with fakes for the records, the certificate service and
// the document verifier: what is looked up when, the same 404 for every code that names no live
// stamp, the dispatch by media type, and the answer that keeps the seal and the certificate apart.
#include "app/verify_stamp.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "domain/stamp_reference.hpp"
#include "dto/stamp_view.hpp"
#include "dto/verification_view.hpp"
#include "stamping_fixtures.hpp"
#include "stamping_service.hpp"

using namespace kutse::stamping;
using kutse::common::StatusCode;
using verify::SealCheck;
using verify::SealDefect;

namespace {

constexpr const char* kCode = "q2Xv7rPz0aLk3JmN8sTw4bYc";

Stamp LiveStamp() {
  Stamp stamp;
  stamp.id = "3f2c9a4e-8b1d-4c6e-9f0a-7d5e4c3b2a19";
  stamp.seq = 7;
  stamp.verification_code = kCode;
  stamp.certificate_number = "K-000123";
  stamp.holder_personal_code = "49102030219";
  stamp.language = "en";
  stamp.sha256 = std::string(64, 'a');
  stamp.created_at = "2026-12-03T12:00:00.000Z";
  return stamp;
}

CertificateOnRecord Record(const std::string& status) {
  CertificateOnRecord record;
  record.holder_personal_code = "49102030219";
  record.status = status;
  record.qualification_name_et = "Keevitaja, tase 4";
  record.qualification_name_en = "Welder, level 4";
  record.document = stamping_test::ExampleDocument();
  record.document.number = "K-000123";
  return record;
}

// Fakes that note what they were asked.
struct World {
  std::vector<std::string> asked_codes;
  std::vector<std::string> asked_digests;
  std::vector<std::string> asked_numbers;
  std::optional<Stamp> stamp = LiveStamp();
  kutse::common::StatusOr<CertificateOnRecord> facts = Record("valid");
  SealCheck seal;

  app::VerificationTools Tools() {
    return app::VerificationTools{[this](const std::string& code) {
                                    asked_codes.push_back(code);
                                    return stamp;
                                  },
                                  [this](const std::string& digest) {
                                    asked_digests.push_back(digest);
                                    return stamp;
                                  },
                                  [this](const std::string& number) {
                                    asked_numbers.push_back(number);
                                    return facts;
                                  },
                                  {{"application/pdf", [this](std::string_view) { return seal; }}}};
  }
};

SealCheck IntactSeal(bool register_seal) {
  SealCheck seal;
  seal.defect = SealDefect::kNone;
  seal.register_seal = register_seal;
  seal.signed_at = "2026-12-03T12:00:00.000Z";
  seal.level = "B-B";
  seal.signer_subject = "CN=SA Kutsekoda e-seal";
  seal.covered_sha256 = std::string(64, 'a');
  return seal;
}

}  // namespace

TEST_CASE("by code: a live stamp's record and its certificate's status today, apart") {
  LoadMessages();
  World world;
  world.facts = Record("invalidated");
  auto verification = app::VerifyByCode(world.Tools(), kCode);
  REQUIRE(verification.ok());
  REQUIRE(world.asked_codes == std::vector<std::string>{kCode});
  REQUIRE(world.asked_numbers == std::vector<std::string>{"K-000123"});
  const auto body = dto::VerificationView(*verification);
  CHECK(body["seal_valid"] == true);
  CHECK(body["certificate_status"] == "invalidated");
  CHECK(body["seal"].is_null());
  CHECK(body["stamp"] == nlohmann::json({{"format", "pdf"},
                                         {"language", "en"},
                                         {"level", "B-B"},
                                         {"created_at", "2026-12-03T12:00:00.000Z"}}));
  // As the English document prints it, and nothing of the holder but the name.
  CHECK(body["certificate"]["qualification_name"] == "Welder, level 4");
  CHECK(body["certificate"]["holder_name"] == stamping_test::kHolder);
  CHECK(body.dump().find("49102030219") == std::string::npos);
  CHECK(body.dump().find(kCode) == std::string::npos);
}

TEST_CASE("by code: a duplicate's original is reported replaced, naming the duplicate") {
  World world;
  CertificateOnRecord replaced = Record("valid");
  replaced.replaced_by = "K-000124";
  world.facts = replaced;
  const auto body = dto::VerificationView(*app::VerifyByCode(world.Tools(), kCode));
  CHECK(body["certificate_status"] == "replaced");
  CHECK(body["certificate"]["replaced_by"] == "K-000124");
}

TEST_CASE("by code: unknown, withdrawn and malformed codes are the same 404, and nothing more is asked") {
  World world;
  world.stamp.reset();  // unknown, or withdrawn: the records give no live stamp
  auto unknown = app::VerifyByCode(world.Tools(), kCode);
  REQUIRE(unknown.status().code() == StatusCode::kNotFound);
  for (const char* malformed : {"", "short", "q2Xv7rPz0aLk3JmN8sTw4bY~", "ä2Xv7rPz0aLk3JmN8sTw4bYc"}) {
    World asked;
    auto answer = app::VerifyByCode(asked.Tools(), malformed);
    CHECK(answer.status().code() == StatusCode::kNotFound);
    CHECK(answer.status().message().key == unknown.status().message().key);
    CHECK(asked.asked_codes.empty());
  }
  CHECK(world.asked_numbers.empty());
}

TEST_CASE("by code: the certificate service down is a 503, not configured too") {
  World world;
  world.facts = kutse::common::Unavailable(kutse::common::Msg("stamping.certificate_service_unavailable"));
  CHECK(app::VerifyByCode(world.Tools(), kCode).status().code() == StatusCode::kUnavailable);
  app::VerificationTools unconfigured = world.Tools();
  unconfigured.fetch_facts = nullptr;
  CHECK(app::VerifyByCode(unconfigured, kCode).status().code() == StatusCode::kUnavailable);
}

TEST_CASE("by document: an intact seal of the register's is looked up by the file's digest") {
  World world;
  world.seal = IntactSeal(true);
  const auto body = dto::VerificationView(*app::VerifyDocument(world.Tools(), "%PDF-", "application/pdf"));
  CHECK(world.asked_digests == std::vector<std::string>{std::string(64, 'a')});
  CHECK(body["seal_valid"] == true);
  CHECK(body["seal"]["intact"] == true);
  CHECK(body["seal"]["register_seal"] == true);
  CHECK(body["seal"]["level"] == "B-B");
  CHECK(body["certificate_status"] == "valid");
}

TEST_CASE("by document: a broken or foreign seal is an answer, and the records are not asked") {
  for (auto [seal, defect] : {std::pair<SealCheck, const char*>{IntactSeal(false), nullptr},
                              {[] {
                                 SealCheck broken = IntactSeal(true);
                                 broken.defect = SealDefect::kDigestMismatch;
                                 return broken;
                               }(),
                               "digest_mismatch"},
                              {[] {
                                 SealCheck none;
                                 none.defect = SealDefect::kNoSignature;
                                 return none;
                               }(),
                               "no_signature"}}) {
    World world;
    world.seal = seal;
    const auto body = dto::VerificationView(*app::VerifyDocument(world.Tools(), "%PDF-", "application/pdf"));
    CHECK(world.asked_digests.empty());
    CHECK(body["seal_valid"] == false);
    CHECK(body["seal"]["register_seal"] == false);
    CHECK(body["seal"]["defect"] == (defect ? nlohmann::json(defect) : nlohmann::json(nullptr)));
    CHECK(body["certificate"].is_null());
    CHECK(body["certificate_status"].is_null());
  }
}

TEST_CASE("by document: a document that cannot be checked is a 422, a type no verifier reads a 415") {
  World world;
  world.seal = SealCheck{};  // kMalformed
  auto malformed = app::VerifyDocument(world.Tools(), "%PDF-", "application/pdf");
  CHECK(malformed.status().code() == StatusCode::kInvalidArgument);
  CHECK(malformed.status().reason().empty());
  auto zip = app::VerifyDocument(world.Tools(), "PK", "application/zip");
  CHECK(zip.status().code() == StatusCode::kInvalidArgument);
  CHECK(zip.status().reason() == "unsupported_media_type");
}

TEST_CASE("a stamp is named by its id or its code, nothing else") {
  CHECK(ParseStampReference("3f2c9a4e-8b1d-4c6e-9f0a-7d5e4c3b2a19")->id ==
        std::string("3f2c9a4e-8b1d-4c6e-9f0a-7d5e4c3b2a19"));
  CHECK(ParseStampReference(kCode)->code == std::string(kCode));
  CHECK_FALSE(ParseStampReference(kCode)->id.has_value());
  for (const char* neither : {"", "K-000123", "3f2c9a4e", "q2Xv7rPz0aLk3JmN8sTw4bY!", "../../etc"}) {
    CHECK_FALSE(ParseStampReference(neither).has_value());
  }
  CHECK(IsVerificationCode(std::string(64, 'a')));
  CHECK_FALSE(IsVerificationCode(std::string(65, 'a')));
}

TEST_CASE("the holder's list shows each stamp's link and pages by an opaque cursor") {
  std::vector<Stamp> stamps(3, LiveStamp());
  stamps[0].seq = 9;
  stamps[1].seq = 8;
  stamps[2].seq = 7;
  stamps[1].withdrawn_at = "2026-12-04T09:00:00.000Z";
  const auto page = dto::StampPage(stamps, 2, "https://kutseregister.ee");
  REQUIRE(page["items"].size() == 2);
  CHECK(page["items"][0]["verification_url"] == std::string("https://kutseregister.ee/verify/") + kCode);
  CHECK(page["items"][1]["withdrawn"] == true);
  CHECK(page["items"][0]["withdrawn_at"].is_null());
  CHECK(page.dump().find("49102030219") == std::string::npos);
  const auto cursor = dto::StampCursor(page["next_cursor"].get<std::string>());
  REQUIRE(cursor.ok());
  CHECK(*cursor == std::optional<long long>(8));
  CHECK(dto::StampPage({LiveStamp()}, 2, "u")["next_cursor"].is_null());
  CHECK_FALSE(dto::StampCursor(std::string("AAAA")).ok());
}
