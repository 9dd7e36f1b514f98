// Hands one message to an SMTP relay with libcurl: smtp:// (STARTTLS when the server offers it,
// CURLUSESSL_TRY) or smtps://, optional credentials, bounded connect and total times. One call, one
// connection: the worker sends seldom enough that keeping one open would only hold a relay's slot.
// The outcome carries the server's last reply code, never curl's text (it may hold the URL).
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace kutse::notification::mail {

struct SmtpOptions {
  std::string url;  // smtp://relay.example:25, smtps://relay.example:465
  std::optional<std::string> username;
  std::optional<std::string> password;
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds timeout{20000};
};

enum class SmtpOutcome {
  kSent,       // the server took responsibility (250 after DATA)
  kTemporary,  // unreachable, timed out, or a 4xx: try again later
  kPermanent,  // a 5xx: trying again gives the same answer
};

struct SmtpResult {
  SmtpOutcome outcome = SmtpOutcome::kTemporary;
  long reply_code = 0;  // the server's last reply, 0 when there was none
  std::string reason;   // a short fixed word for the record: sent, connect_failed, timeout, rejected, ...
};

class SmtpSender {
 public:
  explicit SmtpSender(SmtpOptions options);

  // envelope_from and recipient are addr-specs; mime is BuildMime's output.
  SmtpResult Send(const std::string& envelope_from, const std::string& recipient,
                  const std::string& mime) const;

 private:
  SmtpOptions options_;
};

}  // namespace kutse::notification::mail
