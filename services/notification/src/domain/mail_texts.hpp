// The words of the messages the mail channels send, in the recipient's language: one notice, a day's
// digest of notices, and the code that confirms an e-mail address. The notice's own words come from
// its template (notice_text.hpp); the frames around them from the message catalogue. No I/O.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "domain/notice_templates.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::notification {

struct MailText {
  std::string subject;
  std::string body;
};

MailText NoticeMail(const NoticeText& notice, const std::string& language);
// All of a person's notices of `day` in one message, listed in the order given.
MailText DigestMail(const std::vector<NoticeText>& notices, const common::Date& day,
                    const std::string& language);
MailText ConfirmationMail(const std::string& code, std::chrono::minutes valid_for,
                          const std::string& language);

// The pause before attempt `failed_attempts + 1`: base × 2^(failed_attempts − 1), at most 6 hours.
std::chrono::milliseconds RetryPause(int failed_attempts, std::chrono::milliseconds base);

}  // namespace kutse::notification
