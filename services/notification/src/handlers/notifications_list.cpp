#include "handlers/notifications_list.hpp"

#include "db/notice_repository.hpp"
#include "domain/notice_text.hpp"
#include "dto/notice_requests.hpp"
#include "kutse/common/json_or_null.hpp"
#include "kutse/http/query.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::notification {
namespace {

constexpr int kDefaultLimit = 20;

}  // namespace

http::Response ListMyNotifications(db::Pool& pool, http::Request& request) {
  const auth::Identity& caller = runtime::RequirePerson(request);
  int limit = http::PageSize(request, kDefaultLimit);
  bool unread_only = common::ValueOrThrow(dto::UnreadOnly(request));
  std::optional<NoticeCursor> after;
  if (auto cursor = request.QueryParam("cursor")) {
    after = common::ValueOrThrow(DecodeCursor(*cursor));
  }
  // One extra row tells whether there is a next page.
  auto notices = pool.Read([&](pqxx::nontransaction& read) {
    return NoticeRepository(read).Page(caller.personal_code, after, limit + 1, unread_only);
  });
  bool more = static_cast<int>(notices.size()) > limit;
  if (more) {
    notices.pop_back();
  }
  const std::string language = request.Language();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& notice : notices) {
    NoticeText text = RenderNotice(notice.kind, notice.parameters, language);
    items.push_back({{"id", notice.id},
                     {"kind", notice.kind},
                     {"title", text.title},
                     {"body", text.body},
                     {"certificate_number", common::JsonOrNull(notice.certificate_number)},
                     {"request_id", common::JsonOrNull(notice.request_id)},
                     {"link", common::JsonOrNull(NoticeLink(notice.certificate_number, notice.request_id))},
                     {"created_at", notice.created_at},
                     {"read", notice.read}});
  }
  nlohmann::json body = {{"items", items},
                         {"next_cursor", more ? nlohmann::json(EncodeCursor(notices.back().position))
                                              : nlohmann::json(nullptr)}};
  return http::Response::Json(200, body).WithHeader("Content-Language", language);
}

}  // namespace kutse::notification
