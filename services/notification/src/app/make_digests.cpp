#include "app/make_digests.hpp"

#include <nlohmann/json.hpp>

#include "db/delivery_repository.hpp"
#include "domain/digest_day.hpp"
#include "domain/mail_texts.hpp"
#include "domain/notice_text.hpp"
#include "kutse/common/ids.hpp"

namespace kutse::notification::app {
namespace {

constexpr int kBatch = 100;
constexpr const char* kChannel = "state_portal";

// One person's digest of one day; false when another run took its notices first.
bool MakeDigest(pqxx::work& work, const NotificationSettings& settings, const std::string& personal_code,
                const std::string& day) {
  DeliveryRepository deliveries(work);
  auto held = deliveries.TakeHeld(personal_code, day, kChannel);
  if (held.empty()) {
    return false;
  }
  const std::string& language = held.front().language;
  std::vector<NoticeText> texts;
  std::vector<std::string> ids;
  for (const auto& notice : held) {
    texts.push_back(RenderNotice(notice.kind, nlohmann::json::parse(notice.parameters), language));
    ids.push_back(notice.delivery_id);
  }
  MailText text = DigestMail(texts, *common::ParseDate(day), language);
  std::string id = common::NewUuid();
  deliveries.AddDigest(id, day, personal_code, kChannel, held.front().address, language, text.subject,
                       text.body, "digest-" + id + "." + kChannel + "@" + settings.message_id_domain);
  deliveries.MarkDigested(ids, id);
  return true;
}

}  // namespace

int MakeDueDigests(db::Pool& pool, const NotificationSettings& settings, const common::Clock& clock,
                   const std::optional<common::Date>& up_to) {
  std::string last_day = (up_to ? *up_to : LastDueDigestDay(clock.Now(), settings.digest_hour)).ToString();
  int made = 0;
  for (;;) {
    auto due = pool.Read(
        [&](pqxx::nontransaction& read) { return DeliveryRepository(read).DueDigests(last_day, kBatch); });
    int before = made;
    for (const auto& [personal_code, day] : due) {
      if (pool.Transaction(
              [&](pqxx::work& work) { return MakeDigest(work, settings, personal_code, day); })) {
        ++made;
      }
    }
    if (static_cast<int>(due.size()) < kBatch || made == before) {
      return made;
    }
  }
}

}  // namespace kutse::notification::app
