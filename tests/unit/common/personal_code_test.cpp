#include "kutse/common/personal_code.hpp"

#include <catch2/catch.hpp>

using kutse::common::BirthDateOf;
using kutse::common::IsValidPersonalCode;

TEST_CASE("the domain's example personal codes are valid") {
  for (const char* code : {"60001019906", "36805280109", "47302200234", "37605030064", "50101010620"}) {
    INFO(code);
    REQUIRE(IsValidPersonalCode(code));
  }
}

TEST_CASE("a wrong check digit, date, century or shape is refused") {
  REQUIRE_FALSE(IsValidPersonalCode("60001019907"));  // check digit
  REQUIRE_FALSE(IsValidPersonalCode("36802300104"));  // 30 February
  REQUIRE_FALSE(IsValidPersonalCode("76805280109"));  // century digit 7
  REQUIRE_FALSE(IsValidPersonalCode("3680528010"));   // ten digits
  REQUIRE_FALSE(IsValidPersonalCode("3680528010a"));
  REQUIRE_FALSE(IsValidPersonalCode(""));
}

TEST_CASE("the second weight set is used when the first gives 10") {
  // 37605030064: first weights give 10, second give 4.
  REQUIRE(kutse::common::PersonalCodeCheckDigit("3760503006") == 4);
}

TEST_CASE("the birth date follows from the century digit") {
  REQUIRE(BirthDateOf("36805280109")->ToString() == "1968-05-28");
  REQUIRE(BirthDateOf("50101010620")->ToString() == "2001-01-01");
  REQUIRE(BirthDateOf("18001010000")->year == 1880);
}
