#include "app/enqueue_notice_mail.hpp"

#include "db/delivery_repository.hpp"
#include "db/person_settings_repository.hpp"
#include "domain/digest_day.hpp"
#include "domain/mail_texts.hpp"
#include "domain/notice_text.hpp"
#include "kutse/common/ids.hpp"

namespace kutse::notification::app {

std::string NoticeMessageId(const std::string& notice_id, const std::string& channel,
                            const std::string& domain) {
  return "notice-" + notice_id + "." + channel + "@" + domain;
}

int EnqueueNoticeMail(pqxx::work& work, const NotificationSettings& settings, const common::Clock& clock,
                      const NoticeForMail& notice) {
  if (!settings.smtp) {
    return 0;
  }
  auto now = clock.Now();
  std::string now_text = common::FormatTimestamp(now);
  PersonSettings person = PersonSettingsRepository(work).Get(notice.personal_code, now_text);
  MailText text = NoticeMail(RenderNotice(notice.kind, notice.parameters, person.language), person.language);
  DeliveryRepository deliveries(work);
  int added = 0;
  auto add = [&](const std::string& channel, const std::string& address, bool held) {
    NewDelivery d{notice.id,
                  std::nullopt,
                  notice.personal_code,
                  channel,
                  address,
                  person.language,
                  text.subject,
                  text.body,
                  NoticeMessageId(notice.id, channel, settings.message_id_domain),
                  held ? "held" : "pending",
                  now_text};
    if (held) {
      d.digest_day = DigestDayOf(now, settings.digest_hour).ToString();
    }
    deliveries.Add(common::NewUuid(), d);
    ++added;
  };
  if (person.state_portal) {
    add("state_portal", notice.personal_code + "@" + settings.state_portal_domain,
        settings.state_portal_mode == StatePortalMode::kDigest);
  }
  if (person.email_enabled && person.email) {
    add("email", *person.email, false);
  }
  return added;
}

}  // namespace kutse::notification::app
