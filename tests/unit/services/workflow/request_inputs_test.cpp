// What a holder gives with a request: message texts, a reprint's delivery, a duplicate's claim.
#include <catch2/catch.hpp>

#include "domain/country_code.hpp"
#include "domain/duplicate_claim.hpp"
#include "domain/reprint_delivery.hpp"
#include "domain/text_rules.hpp"
#include "field_errors.hpp"

using namespace kutse::workflow;
using namespace kutse::workflow::testing;
using kutse::common::StatusCode;
using Pointers = std::vector<std::string>;

namespace {

PostalAddress Address() {
  return PostalAddress{"Õie Šmidt", "Pikk 1-2", "10123", "Tallinn", "EE"};
}

ReprintDelivery ByPost(PostalAddress address) {
  return ReprintDelivery{DeliveryMethod::kPost, std::move(address)};
}

const PersonName kTaraName{"ÕIE", "TAMM"};
const std::string kPrinted = "Õie Šmidt";

kutse::common::StatusOr<DuplicateClaim> Claim(DuplicateInput input, PersonName name = kTaraName) {
  return CheckDuplicateInput(input, name, kPrinted);
}

DuplicateInput Inaccurate(std::vector<Correction> corrections) {
  return DuplicateInput{DuplicateReason::kInaccurateData, std::move(corrections), std::nullopt};
}

}  // namespace

TEST_CASE("a message is 1 to 5000 characters after trimming") {
  REQUIRE(*CheckMessageText("  Tere!\n") == "Tere!");
  REQUIRE(*CheckMessageText("Rida üks\n\tRida kaks") == "Rida üks\n\tRida kaks");
  REQUIRE(*CheckMessageText(std::string(5000, 'a')) == std::string(5000, 'a'));
  // Characters, not bytes: 5000 letters õ are 10000 bytes.
  std::string five_thousand_o;
  for (int i = 0; i < 5000; ++i) {
    five_thousand_o += "õ";
  }
  REQUIRE(CheckMessageText(five_thousand_o).ok());
  for (const std::string& bad : {std::string(""), std::string(" \n\t "), std::string(5001, 'a')}) {
    auto refused = CheckMessageText(bad);
    REQUIRE(refused.status().code() == StatusCode::kInvalidArgument);
    REQUIRE(ErrorPointers(refused.status()) == Pointers{"/message"});
    REQUIRE(refused.status().field_errors()[0].detail.key == "field.text_length");
  }
}

TEST_CASE("a message has no control characters but newline and tab") {
  REQUIRE(*CheckMessageText("üks\r\nkaks") == "üks\nkaks");
  for (const std::string& bad : {std::string("a\x01z"), std::string("a\rz"), std::string("a\x7fz"),
                                 std::string("a\xc2\x85z"), std::string("a\x1bz"), std::string("\xff\xfe")}) {
    auto refused = CheckMessageText(bad);
    REQUIRE(refused.status().code() == StatusCode::kInvalidArgument);
    REQUIRE(refused.status().field_errors()[0].detail.key == "field.control_character");
  }
  // Letters with diacritics are not controls.
  REQUIRE(CheckMessageText("\xc2\xa0õäöü šž").ok());
}

TEST_CASE("a one-line text refuses line breaks") {
  kutse::common::FieldErrors errors;
  REQUIRE_FALSE(CleanText("Pikk\n1", OneLine(100), "/street", errors).has_value());
  REQUIRE(errors.size() == 1);
  REQUIRE(errors[0].pointer == "/street");
  REQUIRE(errors[0].detail.key == "field.not_one_line");
}

TEST_CASE("a reprint is collected in person or posted to an address") {
  auto in_person = CheckReprintDelivery(ReprintDelivery{DeliveryMethod::kCollectInPerson, std::nullopt});
  REQUIRE(in_person.ok());
  REQUIRE_FALSE(in_person->address.has_value());
  auto posted =
      CheckReprintDelivery(ByPost(PostalAddress{" Õie Šmidt ", "Pikk 1-2", "10123", "Tallinn", "ee"}));
  REQUIRE(posted.ok());
  REQUIRE(*posted->address == Address());
  auto abroad = CheckReprintDelivery(
      ByPost(PostalAddress{"Õie Šmidt", "Mannerheimintie 1", "00100", "Helsinki", "FI"}));
  REQUIRE(abroad.ok());
  auto no_code =
      CheckReprintDelivery(ByPost(PostalAddress{"Õie Šmidt", "1 Main Street", "", "Dublin", "IE"}));
  REQUIRE(no_code.ok());
  REQUIRE(no_code->address->postal_code.empty());
}

TEST_CASE("a delivery's address is refused member by member") {
  struct Case {
    const char* name;
    ReprintDelivery delivery;
    Pointers pointers;
  };
  auto with = [](auto change) {
    PostalAddress address = Address();
    change(address);
    return ByPost(address);
  };
  const std::vector<Case> cases = {
      {"post without an address", ReprintDelivery{DeliveryMethod::kPost, std::nullopt}, {"/address"}},
      {"in person with an address",
       ReprintDelivery{DeliveryMethod::kCollectInPerson, Address()},
       {"/address"}},
      {"Estonian code of 4 digits",
       with([](PostalAddress& a) { a.postal_code = "1012"; }),
       {"/address/postal_code"}},
      {"Estonian code with a letter",
       with([](PostalAddress& a) { a.postal_code = "1012A"; }),
       {"/address/postal_code"}},
      {"Estonian address without a code",
       with([](PostalAddress& a) { a.postal_code = " "; }),
       {"/address/postal_code"}},
      {"foreign code with a slash",
       with([](PostalAddress& a) {
         a.country = "DE";
         a.postal_code = "10/115";
       }),
       {"/address/postal_code"}},
      {"foreign code too long",
       with([](PostalAddress& a) {
         a.country = "GB";
         a.postal_code = "SW1A 1AA SW1A 1AA";
       }),
       {"/address/postal_code"}},
      {"unknown country", with([](PostalAddress& a) { a.country = "XX"; }), {"/address/country"}},
      {"country as a name", with([](PostalAddress& a) { a.country = "Eesti"; }), {"/address/country"}},
      {"everything empty",
       ByPost(PostalAddress{"", "", "", "", ""}),
       {"/address/recipient_name", "/address/street", "/address/city", "/address/country"}},
      {"recipient too long",
       with([](PostalAddress& a) { a.recipient_name = std::string(201, 'a'); }),
       {"/address/recipient_name"}},
      {"street on two lines", with([](PostalAddress& a) { a.street = "Pikk 1\n2"; }), {"/address/street"}},
      {"city too long", with([](PostalAddress& a) { a.city = std::string(101, 'a'); }), {"/address/city"}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto refused = CheckReprintDelivery(c.delivery);
    REQUIRE(refused.status().code() == StatusCode::kInvalidArgument);
    REQUIRE(ErrorPointers(refused.status()) == c.pointers);
  }
}

TEST_CASE("countries are ISO 3166-1 alpha-2 codes") {
  for (const char* code : {"EE", "FI", "LV", "DE", "GB", "US", "UA", "AX", "ZW", "AD"}) {
    INFO(code);
    REQUIRE(IsCountryCode(code));
  }
  for (const char* code : {"ee", "E", "EST", "XX", "UK", "EU", "", "E E", "DD", "EE "}) {
    INFO(code);
    REQUIRE_FALSE(IsCountryCode(code));
  }
  int assigned = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      assigned += IsCountryCode(std::string{a, b}) ? 1 : 0;
    }
  }
  REQUIRE(assigned == 249);
}

TEST_CASE("a lost certificate's duplicate corrects nothing") {
  auto claim = Claim(DuplicateInput{DuplicateReason::kLost, {}, std::nullopt});
  REQUIRE(claim.ok());
  REQUIRE(claim->corrected.empty());
  auto with_correction =
      Claim(DuplicateInput{DuplicateReason::kLost, {{CorrectableField::kLanguage, "en", {}}}, std::nullopt});
  REQUIRE(ErrorPointers(with_correction.status()) == Pointers{"/corrections"});
  auto with_note = Claim(DuplicateInput{DuplicateReason::kLost, {}, std::string("põles ära")});
  REQUIRE(ErrorPointers(with_note.status()) == Pointers{"/note"});
}

TEST_CASE("a new name comes from the signed-in identity") {
  auto claim = Claim(DuplicateInput{DuplicateReason::kNewName, {}, std::nullopt});
  REQUIRE(claim.ok());
  REQUIRE(claim->corrected == CorrectedFields{std::string("ÕIE TAMM"), {}, {}, {}, {}});
  auto typed = Claim(DuplicateInput{
      DuplicateReason::kNewName, {{CorrectableField::kHolderName, "Õie Kask", {}}}, std::nullopt});
  REQUIRE(typed.status().code() == StatusCode::kInvalidArgument);
  REQUIRE(typed.status().field_errors()[0].detail.key == "request.new_name_from_identity");
}

TEST_CASE("a new name equal to the printed one is refused, whatever its case and spacing") {
  for (const PersonName& same : {PersonName{"Õie", "Šmidt"}, PersonName{"ÕIE", "ŠMIDT"},
                                 PersonName{" õie ", " šmidt"}, PersonName{"Õie ", "Šmidt"}}) {
    INFO(same.Full());
    auto refused = Claim(DuplicateInput{DuplicateReason::kNewName, {}, std::nullopt}, same);
    REQUIRE(refused.status().code() == StatusCode::kInvalidArgument);
    REQUIRE(ErrorPointers(refused.status()) == Pointers{"/reason"});
    REQUIRE(refused.status().field_errors()[0].detail.key == "request.name_unchanged");
  }
  auto nameless = Claim(DuplicateInput{DuplicateReason::kNewName, {}, std::nullopt}, PersonName{"", " "});
  REQUIRE(nameless.status().field_errors()[0].detail.key == "request.identity_name_unusable");
}

TEST_CASE("names compare without case in the alphabets of the register") {
  REQUIRE(IsSameName("Mari-Liis Kask", "MARI-LIIS  KASK"));
  REQUIRE(IsSameName("Jüri Õunapuu", "JÜRI ÕUNAPUU"));
  REQUIRE(IsSameName("Žanna Šapovalova", "ŽANNA ŠAPOVALOVA"));
  REQUIRE(IsSameName("Łukasz Wójcik", "ŁUKASZ WÓJCIK"));
  REQUIRE(IsSameName("Наталья Иванова", "НАТАЛЬЯ ИВАНОВА"));
  REQUIRE(IsSameName("Ёлкин", "ёлкин"));
  REQUIRE_FALSE(IsSameName("Mari Kask", "Mari Kasak"));
  REQUIRE_FALSE(IsSameName("Jüri", "Juri"));
  REQUIRE(PersonName{"Mari", "Kask"}.Full() == "Mari Kask");
  REQUIRE(PersonName{"", "Kask"}.Full() == "Kask");
}

TEST_CASE("inaccurate data names 1 to 5 fields the duplicate can correct") {
  auto claim = Claim(DuplicateInput{DuplicateReason::kInaccurateData,
                                    {{CorrectableField::kSpecialisation, " MAG-keevitus ", {}},
                                     {CorrectableField::kLanguage, "en", {}},
                                     {CorrectableField::kCompetences, "", {"Keevitamine", "Lõikamine"}},
                                     {CorrectableField::kPartialQualification, "Plekkide keevitamine", {}},
                                     {CorrectableField::kHolderName, "Õie Schmidt", {}}},
                                    std::string(" Eriala on vale. ")});
  REQUIRE(claim.ok());
  REQUIRE(*claim->corrected.specialisation == "MAG-keevitus");
  REQUIRE(*claim->corrected.language == "en");
  REQUIRE(*claim->corrected.competences == std::vector<std::string>{"Keevitamine", "Lõikamine"});
  REQUIRE(*claim->corrected.partial_qualification == "Plekkide keevitamine");
  REQUIRE(*claim->corrected.holder_name == "Õie Schmidt");
  REQUIRE(*claim->note == "Eriala on vale.");
}

TEST_CASE("inaccurate data is refused field by field") {
  struct Case {
    const char* name;
    DuplicateInput input;
    Pointers pointers;
  };
  Correction language{CorrectableField::kLanguage, "et", {}};
  const std::vector<Case> cases = {
      {"no corrections", Inaccurate({}), {"/corrections"}},
      {"six corrections",
       Inaccurate({language, language, language, language, language, language}),
       {"/corrections"}},
      {"a field twice", Inaccurate({language, language}), {"/corrections/1/field"}},
      {"an unknown language",
       Inaccurate({{CorrectableField::kLanguage, "fi", {}}}),
       {"/corrections/0/value"}},
      {"an empty specialisation",
       Inaccurate({{CorrectableField::kSpecialisation, "  ", {}}}),
       {"/corrections/0/value"}},
      {"a specialisation too long",
       Inaccurate({{CorrectableField::kSpecialisation, std::string(301, 's'), {}}}),
       {"/corrections/0/value"}},
      {"a name too long",
       Inaccurate({{CorrectableField::kHolderName, std::string(201, 'n'), {}}}),
       {"/corrections/0/value"}},
      {"the printed name",
       Inaccurate({{CorrectableField::kHolderName, "ÕIE ŠMIDT", {}}}),
       {"/corrections/0/value"}},
      {"a competence empty",
       Inaccurate({{CorrectableField::kCompetences, "", {"Keevitamine", " "}}}),
       {"/corrections/0/value/1"}},
      {"a competence twice",
       Inaccurate({{CorrectableField::kCompetences, "", {"Keevitamine", "Keevitamine"}}}),
       {"/corrections/0/value/1"}},
      {"101 competences",
       Inaccurate({{CorrectableField::kCompetences, "", std::vector<std::string>(101, "k")}}),
       {"/corrections/0/value"}},
      {"a note too long",
       DuplicateInput{DuplicateReason::kInaccurateData, {language}, std::string(2001, 'x')},
       {"/note"}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto refused = Claim(c.input);
    REQUIRE(refused.status().code() == StatusCode::kInvalidArgument);
    REQUIRE(ErrorPointers(refused.status()) == c.pointers);
  }
}

TEST_CASE("the limits of a correction are those of workflow.duplicate_approved.v1") {
  REQUIRE(Claim(Inaccurate({{CorrectableField::kHolderName, std::string(200, 'n'), {}}})).ok());
  REQUIRE(Claim(Inaccurate({{CorrectableField::kSpecialisation, std::string(300, 's'), {}}})).ok());
  REQUIRE(Claim(Inaccurate(
                    {{CorrectableField::kCompetences, "", std::vector<std::string>{std::string(300, 'k')}}}))
              .ok());
  std::vector<std::string> hundred;
  for (int i = 0; i < 100; ++i) {
    hundred.push_back("k" + std::to_string(i));
  }
  REQUIRE(Claim(Inaccurate({{CorrectableField::kCompetences, "", hundred}})).ok());
  REQUIRE(Claim(DuplicateInput{DuplicateReason::kInaccurateData,
                               {{CorrectableField::kLanguage, "ru", {}}},
                               std::string(2000, 'x')})
              .ok());
}
