// Use case: the holder publishes a certificate in the public register or hides it, at once (the
// public search and page follow without delay). A replaced original cannot be published again:
// its duplicate is the document in use. Someone else's certificate looks like none at all.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "domain/certificate.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::app {

struct PublicationChange {
  std::string number;
  bool published = false;
};

common::StatusOr<Certificate> SetPublication(pqxx::work& work, const auth::Identity& holder,
                                             const PublicationChange& change);

}  // namespace kutse::certificate::app
