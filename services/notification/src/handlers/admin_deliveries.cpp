#include "handlers/admin_deliveries.hpp"

#include "app/make_digests.hpp"
#include "db/delivery_repository.hpp"
#include "kutse/common/ids.hpp"
#include "kutse/common/json_or_null.hpp"
#include "kutse/http/json_fields.hpp"
#include "kutse/http/query.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::notification {
namespace {

constexpr int kDefaultLimit = 50;

nlohmann::json DeliveryJson(const DeliveryRow& d) {
  return {{"id", d.id},
          {"notice_id", common::JsonOrNull(d.notice_id)},
          {"channel", d.channel},
          {"state", d.state},
          {"attempts", d.attempts},
          {"last_result", common::JsonOrNull(d.last_result)},
          {"last_reply_code", common::JsonOrNull(d.last_reply_code)},
          {"created_at", d.created_at},
          {"next_attempt_at", d.next_attempt_at}};
}

}  // namespace

http::Response ListNotificationDeliveries(const MailContext& context, http::Request& request) {
  runtime::RequireAdmin(request);
  // The dead ones unless asked otherwise: those are what an admin comes for.
  std::string state = request.QueryParam("state").value_or("dead");
  if (state != "dead" && state != "pending" && state != "sent") {
    common::ThrowIfError(http::BadQuery("/state", common::Msg("delivery.state_unknown")));
  }
  int limit = http::PageSize(request, kDefaultLimit);
  std::optional<NoticeCursor> after;
  if (auto cursor = request.QueryParam("cursor")) {
    after = common::ValueOrThrow(DecodeCursor(*cursor));
  }
  auto rows = context.pool.Read(
      [&](pqxx::nontransaction& read) { return DeliveryRepository(read).Page(state, after, limit + 1); });
  bool more = static_cast<int>(rows.size()) > limit;
  if (more) {
    rows.pop_back();
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& row : rows) {
    items.push_back(DeliveryJson(row));
  }
  return http::Response::Json(200, {{"items", items},
                                    {"next_cursor", more ? nlohmann::json(EncodeCursor(rows.back().position))
                                                         : nlohmann::json(nullptr)}});
}

http::Response RetryNotificationDelivery(const MailContext& context, http::Request& request) {
  runtime::RequireAdmin(request);
  const std::string& id = request.PathParam("deliveryId");
  if (!common::IsUuid(id)) {
    common::ThrowIfError(common::NotFound(common::Msg("delivery.not_found")));
  }
  std::string now = common::FormatTimestamp(context.clock.Now());
  common::ThrowIfError(context.pool.Transaction([&](pqxx::work& work) -> common::Status {
    DeliveryRepository deliveries(work);
    if (deliveries.RetryDead(id, now)) {
      return common::OkStatus();
    }
    if (deliveries.Exists(id)) {
      return common::FailedPrecondition(common::Msg("delivery.not_dead"));
    }
    return common::NotFound(common::Msg("delivery.not_found"));
  }));
  return http::Response::NoContent();
}

http::Response MakeNotificationDigests(const MailContext& context, http::Request& request) {
  runtime::RequireAdmin(request);
  const nlohmann::json& body = request.JsonBody();
  http::FieldErrors errors = http::UnknownFields(body, {"up_to"});
  auto up_to = http::OptionalDate(body, "up_to", errors);
  if (!errors.empty()) {
    common::ThrowIfError(http::InvalidFields(std::move(errors)));
  }
  // Without a day: every held notice, also those of days whose hour has not come.
  common::Date last = up_to ? *up_to : common::Date{9999, 12, 31};
  int made = app::MakeDueDigests(context.pool, context.settings, context.clock, last);
  return http::Response::Json(200, {{"digests", made}});
}

}  // namespace kutse::notification
