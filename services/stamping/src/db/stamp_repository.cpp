#include "db/stamp_repository.hpp"

#include "db/sql.hpp"

namespace kutse::stamping {
namespace {

std::optional<std::string> TextOrNull(const pqxx::field& field) {
  return field.is_null() ? std::nullopt : std::optional<std::string>(field.c_str());
}

Stamp StampOf(const pqxx::row& row) {
  Stamp stamp;
  stamp.id = row["id"].c_str();
  stamp.seq = row["seq"].as<long long>();
  stamp.verification_code = row["verification_code"].c_str();
  stamp.certificate_number = row["certificate_number"].c_str();
  stamp.holder_personal_code = row["holder_personal_code"].c_str();
  stamp.format = row["format"].c_str();
  stamp.language = row["language"].c_str();
  stamp.level = row["level"].c_str();
  stamp.sha256 = row["sha256"].c_str();
  stamp.document_sha256 = row["document_sha256"].c_str();
  stamp.created_at = row["created_at"].c_str();
  stamp.withdrawn_at = TextOrNull(row["withdrawn_at"]);
  return stamp;
}

std::optional<Stamp> FirstOf(const pqxx::result& rows) {
  return rows.empty() ? std::nullopt : std::optional<Stamp>(StampOf(rows[0]));
}

}  // namespace

void StampRepository::Insert(const Stamp& stamp) {
  tx_.exec_prepared(sql::kInsertStamp.name, stamp.id, stamp.verification_code, stamp.certificate_number,
                    stamp.holder_personal_code, stamp.format, stamp.language, stamp.level, stamp.sha256,
                    stamp.document_sha256, stamp.created_at);
}

std::vector<Stamp> StampRepository::Page(const std::string& holder, std::optional<long long> before_seq,
                                         int limit) {
  std::vector<Stamp> stamps;
  for (const auto& row : tx_.exec_prepared(sql::kListStamps.name, holder, before_seq, limit)) {
    stamps.push_back(StampOf(row));
  }
  return stamps;
}

std::optional<Stamp> StampRepository::Withdraw(const std::string& holder,
                                               const std::optional<std::string>& id,
                                               const std::optional<std::string>& code,
                                               const std::string& now) {
  return FirstOf(tx_.exec_prepared(sql::kWithdrawStamp.name, holder, id, code, now));
}

std::optional<Stamp> StampRepository::LiveByCode(const std::string& code) {
  return FirstOf(tx_.exec_prepared(sql::kLiveStampByCode.name, code));
}

std::optional<Stamp> StampRepository::LiveBySha256(const std::string& sha256) {
  return FirstOf(tx_.exec_prepared(sql::kLiveStampBySha256.name, sha256));
}

}  // namespace kutse::stamping
