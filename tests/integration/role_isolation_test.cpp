// Each service's database role reaches its own schema only.
#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include "support/test_env.hpp"

using namespace kutse;

TEST_CASE("a service role cannot read or write another service's schema", "[db]") {
  std::string table = "certificate." + testing::UniqueName("probe");
  pqxx::connection certificate(testing::ServiceDsn("certificate"));
  pqxx::connection notification(testing::ServiceDsn("notification"));
  {
    pqxx::work work(certificate);
    work.exec("CREATE TABLE " + table + " (secret text)");
    work.exec("INSERT INTO " + table + " VALUES ('49102030219')");
    work.commit();
  }
  REQUIRE_THROWS_AS(pqxx::nontransaction(notification).exec("SELECT * FROM " + table),
                    pqxx::insufficient_privilege);
  REQUIRE_THROWS_AS(pqxx::nontransaction(notification).exec("CREATE TABLE certificate.intruder (x int)"),
                    pqxx::insufficient_privilege);
  REQUIRE_THROWS_AS(pqxx::nontransaction(notification).exec("CREATE TABLE public.anywhere (x int)"),
                    pqxx::insufficient_privilege);
  REQUIRE(pqxx::nontransaction(certificate).exec1("SELECT count(*) FROM " + table)[0].as<int>() == 1);
  pqxx::nontransaction(certificate).exec("DROP TABLE " + table);
}
