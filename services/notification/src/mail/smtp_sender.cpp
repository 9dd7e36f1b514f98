#include "mail/smtp_sender.hpp"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace kutse::notification::mail {
namespace {

struct Upload {
  const std::string* bytes;
  size_t offset = 0;
};

size_t ReadChunk(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  size_t room = size * count;
  size_t left = upload->bytes->size() - upload->offset;
  size_t n = left < room ? left : room;
  std::memcpy(buffer, upload->bytes->data() + upload->offset, n);
  upload->offset += n;
  return n;
}

const char* ReasonOf(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
      return "connect_failed";
    case CURLE_OPERATION_TIMEDOUT:
      return "timeout";
    case CURLE_LOGIN_DENIED:
      return "login_denied";
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
      return "connection_lost";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
      return "tls_failed";
    default:
      return "smtp_error";
  }
}

}  // namespace

SmtpSender::SmtpSender(SmtpOptions options) : options_(std::move(options)) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

SmtpResult SmtpSender::Send(const std::string& envelope_from, const std::string& recipient,
                            const std::string& mime) const {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    return {SmtpOutcome::kTemporary, 0, "no_handle"};
  }
  CURL* h = curl.get();
  std::string from = "<" + envelope_from + ">";
  std::string to = "<" + recipient + ">";
  curl_slist* recipients = curl_slist_append(nullptr, to.c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> owned(recipients, curl_slist_free_all);
  Upload upload{&mime};
  curl_easy_setopt(h, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(h, CURLOPT_READFUNCTION, ReadChunk);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mime.size()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  if (options_.username) {
    curl_easy_setopt(h, CURLOPT_USERNAME, options_.username->c_str());
  }
  if (options_.password) {
    curl_easy_setopt(h, CURLOPT_PASSWORD, options_.password->c_str());
  }
  CURLcode code = curl_easy_perform(h);
  long reply = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
  if (code == CURLE_OK) {
    return {SmtpOutcome::kSent, reply, "sent"};
  }
  // A 5xx is the server's final word on this message; a 4xx, or no answer at all, may pass.
  if (reply >= 500 && reply < 600) {
    return {SmtpOutcome::kPermanent, reply, "rejected"};
  }
  if (reply >= 400 && reply < 500) {
    return {SmtpOutcome::kTemporary, reply, "deferred"};
  }
  return {SmtpOutcome::kTemporary, reply, ReasonOf(code)};
}

}  // namespace kutse::notification::mail
