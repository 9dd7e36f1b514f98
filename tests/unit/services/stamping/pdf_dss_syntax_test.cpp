// The bounded PDF syntax reader the DSS writer and the PAdES verifier share, on the edges a hostile
// upload would try: nesting, lengths, strings, cross-reference entries, /Prev chains.
#include "seal/pdf_dss_syntax.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "pades_test_support.hpp"
#include "seal/pades_sealer.hpp"

namespace syntax = kutse::stamping::seal::pdf_syntax;

namespace {

std::optional<syntax::Tokens> Dictionary(const std::string& text) {
  size_t at = 0;
  return syntax::ReadDictionary(text, at);
}

}  // namespace

TEST_CASE("tokens: names, numbers, strings with nesting and escapes, and nothing else", "[stamping][pdf]") {
  const std::string text = "<</A 12 0 R/B(a (b) \\) c)/C<0aF1>/D[ true -1.5]>>";
  const auto tokens = Dictionary(text);
  REQUIRE(tokens);
  const auto entries = syntax::TopLevelEntries(*tokens);
  REQUIRE(entries);
  CHECK(entries->size() == 4);
  CHECK(syntax::ReferenceAt(*tokens, entries->at("A").first, entries->at("A").second) ==
        std::make_pair(12u, 0u));
  CHECK(syntax::ValueText(*tokens, *entries, "B") == std::string("(a (b) \\) c)"));
  CHECK(syntax::ValueText(*tokens, *entries, "C") == std::string("<0aF1>"));
  CHECK(syntax::ValueText(*tokens, *entries, "D") == std::string("[ true -1.5 ]"));
  CHECK_FALSE(syntax::ValueText(*tokens, *entries, "E"));

  for (const std::string& bad :
       {std::string("<</A (unclosed>>"), std::string("<</A <0g>>>"), std::string("<</A [1 2>>"),
        std::string("<</A 1 /A 2>>"), std::string("<</A>>"), std::string("<</A % comment\n1>>"),
        std::string("<<") + std::string(200, 'x') + ">>", std::string("<</") + std::string(200, 'N') + " 1>>",
        std::string(17, '[') + std::string(17, ']')}) {
    CAPTURE(bad);
    const auto read = Dictionary(bad);
    CHECK((!read || !syntax::TopLevelEntries(*read)));
  }
}

TEST_CASE("a dictionary is read to a bounded depth and size", "[stamping][pdf]") {
  // 16 levels with the dictionary's own are read, 17 are not.
  const std::string arrays = std::string(15, '[') + "1" + std::string(15, ']');
  CHECK(Dictionary("<</A" + arrays + ">>"));
  CHECK_FALSE(Dictionary("<</A[" + arrays + "]>>"));
  std::string wide = "<</A[";
  for (int i = 0; i < 5000; ++i) {
    wide += " 1";
  }
  CHECK_FALSE(Dictionary(wide + "]>>"));
}

TEST_CASE("an indirect object's stream is read by its direct /Length only", "[stamping][pdf]") {
  const auto object = syntax::ReadIndirectObject("7 0 obj<</Length 3>>stream\nabc\nendstream\nendobj\n", 0);
  REQUIRE(object);
  CHECK(object->number == 7);
  CHECK(object->data == std::string_view("abc"));
  CHECK_FALSE(syntax::ReadIndirectObject("7 0 obj<</Length 2>>stream\nabc\nendstream\nendobj\n", 0));
  CHECK_FALSE(syntax::ReadIndirectObject("7 0 obj<</Length 9 0 R>>stream\nabc\nendstream\nendobj\n", 0));
  CHECK_FALSE(syntax::ReadIndirectObject("7 0 obj<</Length 999999>>stream\nabc\nendstream\nendobj\n", 0));
  CHECK_FALSE(syntax::ReadIndirectObject("7 0 obj<</Length 3>>stream abc endstream endobj", 0));
  CHECK_FALSE(syntax::ReadIndirectObject("99999999 0 obj<<>>endobj", 0));
}

TEST_CASE("objects are found through the /Prev chain, and not past a free entry", "[stamping][pdf]") {
  const stamping_test::LtSealMaterial lt;
  const std::string sealed =
      kutse::stamping::seal::PadesSealer(lt.key).Seal(lt.unsealed, stamping_test::ExampleTime(), "x");
  const auto revision = syntax::ReadLastRevision(sealed);
  REQUIRE(revision);
  // The page tree (3) is not in the signing update's section, only in the rendering's.
  const auto last = syntax::ReadXrefSection(sealed, revision->xref_offset);
  REQUIRE(last);
  CHECK(last->in_use.count(3) == 0);
  const auto pages = syntax::FindObject(sealed, revision->xref_offset, {3, 0});
  REQUIRE(pages);
  CHECK(pages->dictionary[1].text == "/Type");
  CHECK_FALSE(syntax::FindObject(sealed, revision->xref_offset, {3, 1}));    // another generation
  CHECK_FALSE(syntax::FindObject(sealed, revision->xref_offset, {999, 0}));  // no such object

  // The same file with object 3 freed in the last section.
  std::string freed = sealed;
  const size_t section = revision->xref_offset;
  const std::string head = "xref\n0 3\n0000000000 65535 f \n";
  REQUIRE(freed.compare(section, head.size(), head) == 0);
  const std::string entry = "3 1\n0000000000 00001 f \n";
  freed.insert(section + head.size() + 40, entry);  // after the two entries of 1 and 2
  CHECK_FALSE(syntax::FindObject(freed, section, {3, 0}));
}
