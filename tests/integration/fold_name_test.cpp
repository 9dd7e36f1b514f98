// The public name index folds search queries in C++ (services/certificate/src/search/name_fold.cpp)
// and names in SQL (certificate.fold_name, migrations/V003): both must give the same text for every
// letter fold_name translates and for all of printable ASCII, or the index would miss names.
#include <catch2/catch.hpp>
#include <fstream>
#include <pqxx/pqxx>
#include <sstream>

#include "search/name_fold.hpp"
#include "support/test_env.hpp"

using namespace kutse;

namespace {

// The migration's CREATE FUNCTION statement, for a scratch schema instead of `certificate`.
std::string FoldFunction(const std::string& schema) {
  std::string path = testing::RequiredEnv("KUTSE_REPO") +
                     "/services/certificate/migrations/V003__publication_status_history.sql";
  std::ifstream file(path);
  REQUIRE(file.good());
  std::stringstream text;
  text << file.rdbuf();
  std::string sql = text.str();
  auto begin = sql.find("CREATE FUNCTION certificate.fold_name");
  REQUIRE(begin != std::string::npos);
  auto end = sql.find(';', begin);
  REQUIRE(end != std::string::npos);
  std::string statement = sql.substr(begin, end - begin + 1);
  statement.replace(statement.find("certificate.fold_name"), std::string("certificate").size(), schema);
  return statement;
}

// The letters of the first list of translate() in that statement, one UTF-8 character each.
std::vector<std::string> TranslatedLetters(const std::string& statement) {
  auto open = statement.find('\'', statement.find("translate("));
  auto close = statement.find('\'', open + 1);
  std::string list = statement.substr(open + 1, close - open - 1);
  std::vector<std::string> letters;
  for (size_t at = 0; at < list.size();) {
    size_t length = 1;
    while (at + length < list.size() && (static_cast<unsigned char>(list[at + length]) & 0xC0) == 0x80) {
      ++length;
    }
    letters.push_back(list.substr(at, length));
    at += length;
  }
  return letters;
}

}  // namespace

TEST_CASE("the C++ fold of a query equals SQL certificate.fold_name", "[db][search]") {
  std::string schema = testing::UniqueName("fold");
  pqxx::connection admin(testing::AdminDsn());
  std::string statement = FoldFunction(schema);
  auto letters = TranslatedLetters(statement);
  REQUIRE(letters.size() >= 70);
  pqxx::nontransaction(admin).exec("CREATE SCHEMA " + schema);
  pqxx::nontransaction(admin).exec(statement);

  std::vector<std::string> samples = letters;
  for (int c = 0x20; c < 0x7F; ++c) {
    samples.emplace_back(1, static_cast<char>(c));
  }
  std::string every_letter;
  for (const auto& letter : letters) {
    every_letter += letter;
  }
  samples.push_back(every_letter);
  samples.push_back("Jüri Õunapuu-Šmidt");
  samples.push_back("ÕIE ŠMIDT, Žanna Ärm-Öövel");

  {
    pqxx::nontransaction read(admin);
    for (const auto& sample : samples) {
      auto folded = certificate::search::FoldName(sample);
      INFO("'" << sample << "'");
      CHECK(folded.exact);
      CHECK(folded.text ==
            read.exec_params1("SELECT " + schema + ".fold_name($1)", sample)[0].as<std::string>());
    }
  }
  pqxx::nontransaction(admin).exec("DROP SCHEMA " + schema + " CASCADE");
}
