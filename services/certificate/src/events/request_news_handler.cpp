#include "events/request_news_handler.hpp"

#include "db/open_request_repository.hpp"
#include "events/request_news_event.hpp"

namespace kutse::certificate {

common::Status OnRequestNews(pqxx::work& work, const bus::CloudEvent& event) {
  auto news = event.type == kRequestSubmittedV1 ? ParseRequestSubmitted(event.data)
                                                : ParseRequestStatusChanged(event.data);
  if (!news.ok()) {
    return news.status();
  }
  OpenRequestRepository copies(work);
  copies.Save(ApplyNews(copies.Lock(news->request_id), *news));
  return common::OkStatus();
}

}  // namespace kutse::certificate
