#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "domain/digest_day.hpp"
#include "domain/mail_texts.hpp"
#include "dto/settings_requests.hpp"
#include "notification_service.hpp"
#include "notification_settings.hpp"

using namespace kutse::notification;
using kutse::common::Config;
using kutse::common::ConfigError;
using kutse::common::Date;
using std::chrono::system_clock;

namespace {

[[maybe_unused]] const bool kLoaded = (LoadMessages(), true);

system_clock::time_point Utc(int y, int mo, int d, int h, int mi) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  return system_clock::from_time_t(timegm(&tm));
}

Config ConfigOf(std::map<std::string, std::string> values) {
  return Config([values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
  });
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("the retry pause doubles after each failure and stops at six hours") {
  using std::chrono::milliseconds;
  CHECK(RetryPause(1, milliseconds(30000)) == milliseconds(30000));
  CHECK(RetryPause(2, milliseconds(30000)) == milliseconds(60000));
  CHECK(RetryPause(4, milliseconds(30000)) == milliseconds(240000));
  CHECK(RetryPause(40, milliseconds(30000)) == std::chrono::hours(6));
}

TEST_CASE("a notice goes into the digest of the next digest hour, in Estonian time") {
  // Winter: UTC+2. 18:00 in Tallinn is 16:00 UTC.
  CHECK(DigestDayOf(Utc(2026, 12, 4, 15, 59), 18) == Date{2026, 12, 4});
  CHECK(DigestDayOf(Utc(2026, 12, 4, 16, 0), 18) == Date{2026, 12, 5});
  // Summer: UTC+3. 18:00 in Tallinn is 15:00 UTC.
  CHECK(DigestDayOf(Utc(2026, 7, 1, 14, 59), 18) == Date{2026, 7, 1});
  CHECK(DigestDayOf(Utc(2026, 7, 1, 15, 0), 18) == Date{2026, 7, 2});
  // At midnight's hour (0) a day's notices go out when it ends.
  CHECK(DigestDayOf(Utc(2026, 12, 4, 10, 0), 0) == Date{2026, 12, 5});
}

TEST_CASE("the digests due are those whose hour has come") {
  CHECK(LastDueDigestDay(Utc(2026, 12, 4, 15, 59), 18) == Date{2026, 12, 3});
  CHECK(LastDueDigestDay(Utc(2026, 12, 4, 16, 0), 18) == Date{2026, 12, 4});
}

TEST_CASE("a digest lists every notice of the day, numbered, in the reader's language") {
  std::vector<NoticeText> notices = {{"Kutsetunnistus väljastatud", "Esimene."},
                                     {"Kutsetunnistus kehtetu", "Teine."},
                                     {"Kutsetunnistus aegub", "Kolmas."}};
  MailText et = DigestMail(notices, Date{2026, 12, 4}, "et");
  CHECK(et.subject == "Teie teated kutseregistrist 04.12.2026");
  CHECK(Has(et.body, "3 teadet"));
  CHECK(Has(et.body, "1. Kutsetunnistus väljastatud\nEsimene."));
  CHECK(Has(et.body, "2. Kutsetunnistus kehtetu\nTeine."));
  CHECK(Has(et.body, "3. Kutsetunnistus aegub\nKolmas."));
  MailText en = DigestMail(notices, Date{2026, 12, 4}, "en");
  CHECK(en.subject == "Your notices from the qualification register 2026-12-04");
  CHECK(Has(en.body, "3 notices for you on 2026-12-04"));
}

TEST_CASE("the confirmation message carries the code and how long it is valid, in both languages") {
  MailText et = ConfirmationMail("012345", std::chrono::minutes(30), "et");
  CHECK(et.subject == "Kinnitage oma e-posti aadress");
  CHECK(Has(et.body, "012345"));
  CHECK(Has(et.body, "30 minuti"));
  MailText en = ConfirmationMail("012345", std::chrono::minutes(30), "en");
  CHECK(Has(en.body, "Your confirmation code is 012345"));
}

TEST_CASE("the settings body: every member required, wrong ones named") {
  auto ok = dto::ParseSettingsUpdate(
      {{"language", "en"}, {"state_portal", false}, {"email_enabled", true}, {"email", "mari@example.ee"}});
  REQUIRE(ok.ok());
  CHECK(ok->language == "en");
  CHECK_FALSE(ok->state_portal);
  CHECK(ok->email == "mari@example.ee");

  auto bad = dto::ParseSettingsUpdate({{"language", "fi"},
                                       {"state_portal", "yes"},
                                       {"email_enabled", true},
                                       {"email", "not an address"},
                                       {"x", 1}});
  REQUIRE_FALSE(bad.ok());
  std::set<std::string> pointers;
  for (const auto& error : bad.status().field_errors()) {
    pointers.insert(error.pointer);
  }
  CHECK(pointers == std::set<std::string>{"/language", "/state_portal", "/email", "/x"});

  auto needs = dto::ParseSettingsUpdate(
      {{"language", "et"}, {"state_portal", true}, {"email_enabled", true}, {"email", nullptr}});
  REQUIRE_FALSE(needs.ok());
  CHECK(needs.status().field_errors().at(0).pointer == "/email");
  CHECK_FALSE(
      dto::ParseSettingsUpdate({{"language", "et"}, {"state_portal", true}, {"email_enabled", false}}).ok());
}

TEST_CASE("the confirmation body is six digits") {
  CHECK(dto::ParseEmailConfirmation({{"code", "004217"}}).ok());
  CHECK_FALSE(dto::ParseEmailConfirmation({{"code", "4217"}}).ok());
  CHECK_FALSE(dto::ParseEmailConfirmation({{"code", "00421x"}}).ok());
  CHECK_FALSE(dto::ParseEmailConfirmation({{"code", 4217}}).ok());
}

TEST_CASE("the mail settings: defaults, an SMTP URL, and refusals that name the setting") {
  NotificationSettings none = NotificationSettings::Read(ConfigOf({}));
  CHECK_FALSE(none.smtp);
  CHECK(none.state_portal_domain == "eesti.ee");
  CHECK(none.message_id_domain == "kutseregister.ee");
  CHECK(none.state_portal_mode == StatePortalMode::kImmediate);

  NotificationSettings some =
      NotificationSettings::Read(ConfigOf({{"KUTSE_SMTP_URL", "smtp://127.0.0.1:2525"},
                                           {"KUTSE_STATE_PORTAL_MODE", "digest"},
                                           {"KUTSE_MAIL_FROM", "teated@kutse.test"}}));
  REQUIRE(some.smtp);
  CHECK(some.smtp->url == "smtp://127.0.0.1:2525");
  CHECK(some.state_portal_mode == StatePortalMode::kDigest);
  CHECK(some.message_id_domain == "kutse.test");

  CHECK_THROWS_WITH(NotificationSettings::Read(ConfigOf({{"KUTSE_SMTP_URL", "http://x"}})),
                    Catch::Contains("KUTSE_SMTP_URL"));
  CHECK_THROWS_WITH(NotificationSettings::Read(ConfigOf({{"KUTSE_MAIL_FROM", "nobody"}})),
                    Catch::Contains("KUTSE_MAIL_FROM"));
  CHECK_THROWS_WITH(NotificationSettings::Read(ConfigOf({{"KUTSE_STATE_PORTAL_MODE", "weekly"}})),
                    Catch::Contains("KUTSE_STATE_PORTAL_MODE"));
  CHECK_THROWS_AS(NotificationSettings::Read(ConfigOf({{"KUTSE_MAIL_MAX_ATTEMPTS", "0"}})), ConfigError);
}
