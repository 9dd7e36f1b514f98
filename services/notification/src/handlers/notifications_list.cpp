#include "handlers/notifications_list.hpp"

#include "db/notice_repository.hpp"
#include "domain/notice_text.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::notification {
namespace {

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 100;

int LimitOf(const http::Request& request) {
  auto text = request.QueryParam("limit");
  if (!text) {
    return kDefaultLimit;
  }
  if (text->empty() || text->size() > 3 || text->find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(*text) < 1 || std::stoi(*text) > kMaxLimit) {
    throw http::HttpError(http::Problem{
        400, "bad_request", "limit must be a whole number from 1 to 100.", {{"/limit", "must be 1 to 100"}}});
  }
  return std::stoi(*text);
}

}  // namespace

http::Response ListMyNotifications(db::Pool& pool, http::Request& request) {
  const auth::Identity& caller = runtime::RequirePerson(request);
  int limit = LimitOf(request);
  std::optional<NoticeCursor> after;
  if (auto cursor = request.QueryParam("cursor")) {
    after = DecodeCursor(*cursor);
    if (!after) {
      throw http::HttpError(http::Problem{400,
                                          "bad_request",
                                          "The cursor is not one this service gave out.",
                                          {{"/cursor", "unknown cursor"}}});
    }
  }
  // One extra row tells whether there is a next page.
  auto notices = pool.Read(
      [&](pqxx::nontransaction& read) { return ListNotices(read, caller.personal_code, after, limit + 1); });
  bool more = static_cast<int>(notices.size()) > limit;
  if (more) {
    notices.pop_back();
  }
  const std::string language = request.Language();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& notice : notices) {
    NoticeText text = RenderNotice(notice.kind, notice.parameters, language);
    items.push_back(
        {{"id", notice.id},
         {"kind", notice.kind},
         {"title", text.title},
         {"body", text.body},
         {"certificate_number",
          notice.certificate_number ? nlohmann::json(*notice.certificate_number) : nlohmann::json(nullptr)},
         {"created_at", notice.created_at},
         {"read", notice.read}});
  }
  nlohmann::json body = {{"items", items},
                         {"next_cursor", more ? nlohmann::json(EncodeCursor(notices.back().position))
                                              : nlohmann::json(nullptr)}};
  return http::Response::Json(200, body).WithHeader("Content-Language", language);
}

}  // namespace kutse::notification
