// A new notice's messages on the person's mail channels, in the transaction that stores the notice:
// the state portal (<personal code>@<domain>; at once, or held for the day's digest) unless the person
// turned it off, and e-mail when they turned it on and confirmed an address. Worded now in the
// person's language, so every attempt sends the same message.
#pragma once

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <string>

#include "kutse/common/clock.hpp"
#include "notification_settings.hpp"

namespace kutse::notification::app {

struct NoticeForMail {
  std::string id;
  std::string personal_code;
  std::string kind;
  const nlohmann::json& parameters;
};

// How many messages it added (0 when mail is off).
int EnqueueNoticeMail(pqxx::work& work, const NotificationSettings& settings, const common::Clock& clock,
                      const NoticeForMail& notice);

// The Message-ID of a notice on a channel: the same for every attempt, without personal data.
std::string NoticeMessageId(const std::string& notice_id, const std::string& channel,
                            const std::string& domain);

}  // namespace kutse::notification::app
