// The stamping.stamps table: every stamp made (V002__stamps.sql).
#pragma once

#include <pqxx/pqxx>

#include "domain/stamp.hpp"

namespace kutse::stamping {

class StampRepository {
 public:
  explicit StampRepository(pqxx::transaction_base& tx) : tx_(tx) {}
  void Insert(const Stamp& stamp);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::stamping
