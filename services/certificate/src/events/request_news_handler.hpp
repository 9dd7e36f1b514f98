// Consumer of request.submitted.v1 and request.status_changed.v1: the news goes into the register's
// copy of the request (domain/open_request.hpp) in the inbox's transaction, under the request's
// lock, so a repeat changes nothing and news older than the copy is ignored.
#pragma once

#include <pqxx/pqxx>

#include "kutse/bus/cloud_event.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

common::Status OnRequestNews(pqxx::work& work, const bus::CloudEvent& event);

}  // namespace kutse::certificate
