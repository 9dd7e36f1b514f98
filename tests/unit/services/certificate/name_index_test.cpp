// The public register's in-memory name index and the query fold (services/certificate/src/search).
#include "search/name_index.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "search/name_fold.hpp"

using kutse::certificate::search::Candidates;
using kutse::certificate::search::FoldName;
using kutse::certificate::search::IndexedName;
using kutse::certificate::search::NameIndex;

namespace {

using Strings = std::vector<std::string>;

Candidates Find(const NameIndex& index, const std::string& query, const std::string& after = "",
                size_t want = 100) {
  return index.Find(query, after, want, 1000000);
}

}  // namespace

TEST_CASE("a query folds like certificate.fold_name: case and diacritics away", "[search]") {
  CHECK(FoldName("Õun").text == "oun");
  CHECK(FoldName("õun").text == "oun");
  CHECK(FoldName("OUN").text == "oun");
  CHECK(FoldName("ŠMIDT").text == "smidt");
  CHECK(FoldName("Jüri Õunapuu-Šmidt").text == "juri ounapuu-smidt");
  CHECK(FoldName("Žukov Ülle Ärni Öö Ÿves Ķēniņš").text == "zukov ulle arni oo yves kenins");
  CHECK(FoldName("u_%").text == "u_%");
  CHECK(FoldName("Jüri").exact);
  // Letters fold_name does not translate: only the database folds them the same way.
  CHECK_FALSE(FoldName("Жуков").exact);
  CHECK_FALSE(FoldName("Łukasz").exact);
  CHECK_FALSE(FoldName(std::string("ab\xC3", 3)).exact);
  CHECK_FALSE(FoldName(std::string("a\0b", 3)).exact);
}

TEST_CASE("the name index finds any part of a name, in number order after the cursor", "[search]") {
  NameIndex index;
  index.Load({{"K-000003", "juri ounapuu-smidt"},
              {"K-000001", "oie smidt"},
              {"K-000002", "mari maasikas"},
              {"G-0000009", "jaan ounapuu"},
              {"K-000004", "oie smidt"}});
  CHECK(index.Size() == 5);
  CHECK(Find(index, "oun").numbers == Strings{"G-0000009", "K-000003"});
  CHECK(Find(index, "smidt").numbers == Strings{"K-000001", "K-000003", "K-000004"});
  CHECK(Find(index, "puu-smi").numbers == Strings{"K-000003"});
  CHECK(Find(index, "smidt", "K-000001").numbers == Strings{"K-000003", "K-000004"});
  CHECK(Find(index, "smidt", "K-000003x").numbers == Strings{"K-000004"});
  CHECK(Find(index, "zzq").numbers.empty());
  CHECK(Find(index, "zzq").complete);
  CHECK(Find(index, "smidtx").numbers.empty());
  CHECK(Find(index, "oie smidt juri").numbers.empty());

  SECTION("two letters: anywhere, also at a name's end") {
    CHECK(Find(index, "dt").numbers == Strings{"K-000001", "K-000003", "K-000004"});
    CHECK(Find(index, "ja").numbers == Strings{"G-0000009"});
    CHECK(Find(index, "as").numbers == Strings{"K-000002"});
    CHECK(Find(index, "u-").numbers == Strings{"K-000003"});
    CHECK(Find(index, "qq").numbers.empty());
  }
  SECTION("at most `want`, and whether more may follow") {
    auto first = Find(index, "smidt", "", 2);
    CHECK(first.numbers == Strings{"K-000001", "K-000003"});
    CHECK_FALSE(first.complete);
    auto rest = Find(index, "smidt", first.numbers.back(), 2);
    CHECK(rest.numbers == Strings{"K-000004"});
    CHECK(rest.complete);
  }
  SECTION("a walk longer than allowed gives up") {
    CHECK(index.Find("smidt", "", 100, 1).gave_up);
    CHECK(index.Find("s", "", 100, 1000).gave_up);  // one letter is never the index's job
  }
}

TEST_CASE("the name index applies changes: hidden, renamed, published anew", "[search]") {
  NameIndex index;
  index.Load({{"K-000001", "oie smidt"}, {"K-000003", "juri ounapuu"}, {"K-000005", "mari maasikas"}});

  index.Apply("K-000001", false, "oie smidt");
  CHECK(Find(index, "smidt").numbers.empty());
  CHECK(index.Size() == 2);
  index.Apply("K-000001", true, "oie smidt");
  CHECK(Find(index, "smidt").numbers == Strings{"K-000001"});
  CHECK(index.PendingChanges() == 0);

  index.Apply("K-000003", true, "juri ounapuu-smidt");  // a new name
  CHECK(Find(index, "smidt").numbers == Strings{"K-000001", "K-000003"});
  CHECK(Find(index, "ounapuu-").numbers == Strings{"K-000003"});
  index.Apply("K-000003", true, "juri ounapuu");  // and back
  CHECK(Find(index, "smidt").numbers == Strings{"K-000001"});
  CHECK(index.PendingChanges() == 0);

  index.Apply("K-000004", true, "tonu smidt");  // published after the load, between two others
  index.Apply("K-000000", true, "ulle smidt");
  CHECK(Find(index, "smidt").numbers == Strings{"K-000000", "K-000001", "K-000004"});
  CHECK(Find(index, "smidt", "K-000000", 1).numbers == Strings{"K-000001"});
  CHECK_FALSE(Find(index, "smidt", "K-000000", 1).complete);
  CHECK(Find(index, "smidt", "K-000001", 1).numbers == Strings{"K-000004"});
  CHECK(index.Size() == 5);
  index.Apply("K-000004", false, "tonu smidt");
  CHECK(Find(index, "smidt").numbers == Strings{"K-000000", "K-000001"});
  CHECK(index.MemoryBytes() > 0);

  index.Load({});
  CHECK(Find(index, "smidt").numbers.empty());
  CHECK(index.Size() == 0);
}

TEST_CASE("the name index agrees with a plain substring search over random names and changes", "[search]") {
  std::mt19937 random(20261127);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const std::string letters = "abcde -";
  auto name = [&] {
    std::string text;
    for (int i = 0, n = 1 + pick(8); i < n; ++i) {
      text += letters[static_cast<size_t>(pick(static_cast<int>(letters.size())))];
    }
    return text;
  };
  auto number = [&] { return "K-" + std::to_string(100 + pick(300)); };

  std::map<std::string, std::string> truth;  // published: number -> name
  std::vector<IndexedName> entries;
  for (int i = 0; i < 200; ++i) {
    auto n = number();
    auto text = name();
    truth[n] = text;
    entries.push_back({n, text});
  }
  NameIndex index;
  index.Load(entries);
  for (int round = 0; round < 300; ++round) {
    auto n = number();
    bool published = pick(3) != 0;
    auto text = name();
    index.Apply(n, published, text);
    if (published) {
      truth[n] = text;
    } else {
      truth.erase(n);
    }
    std::string query = name();
    if (query.size() < 2) {
      query += "a";
    }
    std::string after = pick(2) == 0 ? "" : number();
    size_t want = 1 + static_cast<size_t>(pick(5));
    Strings expected;
    bool more = false;
    for (auto entry = truth.upper_bound(after); entry != truth.end(); ++entry) {
      if (entry->second.find(query) != std::string::npos) {
        if (expected.size() == want) {
          more = true;
          break;
        }
        expected.push_back(entry->first);
      }
    }
    auto got = Find(index, query, after, want);
    INFO("query '" << query << "' after '" << after << "' want " << want);
    REQUIRE(got.numbers == expected);
    REQUIRE_FALSE(got.gave_up);
    if (got.complete) {
      REQUIRE_FALSE(more);
    }
    REQUIRE(index.Size() == truth.size());
  }
}
