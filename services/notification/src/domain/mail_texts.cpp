#include "domain/mail_texts.hpp"

#include "kutse/common/message_catalog.hpp"

namespace kutse::notification {
namespace {

std::string Say(const std::string& key, const std::string& language,
                std::vector<std::pair<std::string, std::string>> values = {}) {
  return common::MessageCatalog::Global().Render(common::Msg(key, std::move(values)), language);
}

std::string Two(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

}  // namespace

MailText NoticeMail(const NoticeText& notice, const std::string& language) {
  return {notice.title, notice.body + "\n\n" + Say("mail.footer", language)};
}

MailText DigestMail(const std::vector<NoticeText>& notices, const common::Date& day,
                    const std::string& language) {
  std::string date =
      Say("notice.date", language,
          {{"year", std::to_string(day.year)}, {"month", Two(day.month)}, {"day", Two(day.day)}});
  std::string body =
      Say("mail.digest_intro", language, {{"date", date}, {"count", std::to_string(notices.size())}});
  int n = 0;
  for (const auto& notice : notices) {
    body += "\n\n" + std::to_string(++n) + ". " + notice.title + "\n" + notice.body;
  }
  body += "\n\n" + Say("mail.footer", language);
  return {Say("mail.digest_subject", language, {{"date", date}}), body};
}

MailText ConfirmationMail(const std::string& code, std::chrono::minutes valid_for,
                          const std::string& language) {
  return {Say("mail.confirmation_subject", language),
          Say("mail.confirmation_body", language,
              {{"code", code}, {"minutes", std::to_string(valid_for.count())}})};
}

std::chrono::milliseconds RetryPause(int failed_attempts, std::chrono::milliseconds base) {
  constexpr std::chrono::milliseconds kMost = std::chrono::hours(6);
  std::chrono::milliseconds pause = base;
  for (int i = 1; i < failed_attempts && pause < kMost; ++i) {
    pause *= 2;
  }
  return std::min(pause, kMost);
}

}  // namespace kutse::notification
