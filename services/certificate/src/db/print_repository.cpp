#include "db/print_repository.hpp"

#include "db/sql.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::certificate {
namespace {

PrintEntry ReadPrint(const pqxx::row& row) {
  PrintEntry print;
  print.id = row["id"].as<long long>();
  print.printed_at = row["printed_at"].as<std::string>();
  print.printed_by = row["printed_by"].as<std::string>();
  print.reason = ParsePrintReason(row["reason"].as<std::string>()).value_or(PrintReason::kFirstPrint);
  print.delivery = ParsePrintDelivery(row["delivery"].as<std::string>()).value_or(PrintDelivery::kInPerson);
  print.note = db::OptionalText(row["note"]);
  return print;
}

}  // namespace

PrintEntry PrintRepository::Add(const std::string& number, const std::string& printed_by,
                                const PrintOrder& order, const std::optional<std::string>& request_id) {
  return ReadPrint(tx_.exec_prepared1(sql::kInsertPrint.name, number, printed_by, ToString(order.reason),
                                      ToString(order.delivery), db::NullableParam(order.note),
                                      db::NullableParam(request_id)));
}

std::optional<PrintEntry> PrintRepository::OfRequest(const std::string& request_id) {
  auto rows = tx_.exec_prepared(sql::kPrintOfRequest.name, request_id);
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadPrint(rows[0]);
}

std::vector<PrintEntry> PrintRepository::Of(const std::string& number) {
  std::vector<PrintEntry> prints;
  for (const auto& row : tx_.exec_prepared(sql::kPrintsOf.name, number)) {
    prints.push_back(ReadPrint(row));
  }
  return prints;
}

}  // namespace kutse::certificate
