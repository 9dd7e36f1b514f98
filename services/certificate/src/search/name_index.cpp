#include "search/name_index.hpp"

#include <algorithm>
#include <functional>
#include <mutex>
#include <optional>
#include <queue>
#include <unordered_map>
#include <utility>

namespace kutse::certificate::search {
namespace {

// The distinct byte trigrams of `text`, ascending; with `past_end`, also those reaching one NUL
// past its end (names are indexed so, to find two-letter queries at a name's end).
void Trigrams(std::string_view text, bool past_end, std::vector<uint32_t>& grams) {
  grams.clear();
  size_t size = text.size();
  auto at = [&](size_t i) -> uint32_t { return i < size ? static_cast<unsigned char>(text[i]) : 0U; };
  size_t limit = past_end ? size + 1 : size;
  for (size_t i = 0; i + 2 < limit; ++i) {
    grams.push_back((at(i) << 16) | (at(i + 1) << 8) | at(i + 2));
  }
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
}

}  // namespace

struct NameIndex::Bulk {
  std::string numbers;
  std::vector<uint32_t> number_offsets{0};  // number of id i: [offsets[i], offsets[i + 1])
  std::string names;
  std::vector<uint32_t> name_offsets{0};
  std::vector<uint32_t> keys;    // distinct trigrams, ascending
  std::vector<uint32_t> starts;  // posting list of keys[k]: [starts[k], starts[k + 1])
  std::vector<uint32_t> postings;

  uint32_t Count() const { return static_cast<uint32_t>(number_offsets.size() - 1); }
  std::string_view Number(uint32_t id) const {
    return std::string_view(numbers).substr(number_offsets[id], number_offsets[id + 1] - number_offsets[id]);
  }
  std::string_view Name(uint32_t id) const {
    return std::string_view(names).substr(name_offsets[id], name_offsets[id + 1] - name_offsets[id]);
  }
  // The first id whose number sorts after `number`.
  uint32_t After(std::string_view number) const {
    uint32_t low = 0;
    uint32_t high = Count();
    while (low < high) {
      uint32_t middle = low + (high - low) / 2;
      if (Number(middle) <= number) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
  std::optional<uint32_t> Find(std::string_view number) const {
    uint32_t next = After(number);
    if (next == 0 || Number(next - 1) != number) {
      return std::nullopt;
    }
    return next - 1;
  }
  size_t Bytes() const {
    return numbers.capacity() + names.capacity() +
           4 * (number_offsets.capacity() + name_offsets.capacity() + keys.capacity() + starts.capacity() +
                postings.capacity());
  }
};

NameIndex::NameIndex() = default;
NameIndex::~NameIndex() = default;

void NameIndex::Load(std::vector<IndexedName> entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const IndexedName& a, const IndexedName& b) { return a.number < b.number; });
  auto bulk = std::make_unique<Bulk>();
  bulk->number_offsets.reserve(entries.size() + 1);
  bulk->name_offsets.reserve(entries.size() + 1);
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i + 1 < entries.size() && entries[i + 1].number == entries[i].number) {
      continue;  // the last one counts
    }
    bulk->numbers += entries[i].number;
    bulk->number_offsets.push_back(static_cast<uint32_t>(bulk->numbers.size()));
    bulk->names += entries[i].folded_name;
    bulk->name_offsets.push_back(static_cast<uint32_t>(bulk->names.size()));
  }
  entries.clear();
  entries.shrink_to_fit();
  bulk->numbers.shrink_to_fit();
  bulk->names.shrink_to_fit();

  // Posting lists in two passes: count each trigram, then place the ids, ascending by construction.
  std::unordered_map<uint32_t, uint32_t> slots;
  std::vector<uint32_t> grams;
  for (uint32_t id = 0; id < bulk->Count(); ++id) {
    Trigrams(bulk->Name(id), true, grams);
    for (uint32_t gram : grams) {
      ++slots[gram];
    }
  }
  bulk->keys.reserve(slots.size());
  for (const auto& [gram, count] : slots) {
    bulk->keys.push_back(gram);
  }
  std::sort(bulk->keys.begin(), bulk->keys.end());
  bulk->starts.reserve(bulk->keys.size() + 1);
  uint32_t total = 0;
  for (uint32_t gram : bulk->keys) {
    bulk->starts.push_back(total);
    uint32_t count = slots[gram];
    slots[gram] = total;  // from here on: where this trigram's next id goes
    total += count;
  }
  bulk->starts.push_back(total);
  bulk->postings.resize(total);
  for (uint32_t id = 0; id < bulk->Count(); ++id) {
    Trigrams(bulk->Name(id), true, grams);
    for (uint32_t gram : grams) {
      bulk->postings[slots[gram]++] = id;
    }
  }

  std::vector<uint8_t> live(bulk->Count(), 1);
  std::unique_lock<std::shared_mutex> lock(mutex_);
  live_count_ = bulk->Count();
  bulk_ = std::move(bulk);
  live_ = std::move(live);
  changed_.clear();
}

void NameIndex::Apply(const std::string& number, bool published, const std::string& folded_name) {
  std::unique_lock<std::shared_mutex> lock(mutex_);
  if (bulk_) {
    if (auto id = bulk_->Find(number)) {
      bool keep = published && bulk_->Name(*id) == folded_name;
      if (live_[*id] != keep) {
        live_[*id] = keep ? 1 : 0;
        live_count_ = keep ? live_count_ + 1 : live_count_ - 1;
      }
      if (keep) {
        changed_.erase(number);
        return;
      }
    }
  }
  if (published) {
    changed_[number] = folded_name;
  } else {
    changed_.erase(number);
  }
}

Candidates NameIndex::Find(const std::string& folded_query, const std::string& after_number, size_t want,
                           size_t max_steps) const {
  Candidates result;
  if (folded_query.size() < 2) {
    result.gave_up = true;
    return result;
  }
  if (want == 0) {
    return result;
  }
  std::shared_lock<std::shared_mutex> lock(mutex_);
  size_t steps = 0;
  std::vector<uint32_t> found;
  bool bulk_complete = true;
  // Returns false to stop the walk: `want` found (more may follow) or out of steps.
  auto take = [&](uint32_t id) {
    if (live_[id] && bulk_->Name(id).find(folded_query) != std::string_view::npos) {
      found.push_back(id);
    }
    return found.size() < want;
  };

  if (bulk_ && bulk_->Count() > 0) {
    struct List {
      const uint32_t* at;
      const uint32_t* end;
    };
    std::vector<List> lists;
    auto list_of = [&](size_t k) {
      return List{bulk_->postings.data() + bulk_->starts[k], bulk_->postings.data() + bulk_->starts[k + 1]};
    };
    uint32_t first = bulk_->After(after_number);
    if (folded_query.size() == 2) {
      // A two-letter query: every trigram that starts with it, merged in id order.
      uint32_t low = (static_cast<uint32_t>(static_cast<unsigned char>(folded_query[0])) << 16) |
                     (static_cast<uint32_t>(static_cast<unsigned char>(folded_query[1])) << 8);
      auto from = std::lower_bound(bulk_->keys.begin(), bulk_->keys.end(), low);
      auto to = std::upper_bound(from, bulk_->keys.end(), low | 0xFFU);
      using Head = std::pair<uint32_t, size_t>;  // id, list
      std::priority_queue<Head, std::vector<Head>, std::greater<>> heads;
      for (auto key = from; key != to; ++key) {
        List list = list_of(static_cast<size_t>(key - bulk_->keys.begin()));
        list.at = std::lower_bound(list.at, list.end, first);
        if (list.at != list.end) {
          heads.emplace(*list.at, lists.size());
          lists.push_back(list);
        }
      }
      std::optional<uint32_t> last;
      while (!heads.empty()) {
        auto [id, which] = heads.top();
        heads.pop();
        if (++lists[which].at != lists[which].end) {
          heads.emplace(*lists[which].at, which);
        }
        if (last == id) {
          continue;
        }
        last = id;
        if (++steps > max_steps) {
          result.gave_up = true;
          return result;
        }
        if (!take(id)) {
          bulk_complete = false;
          break;
        }
      }
    } else {
      // Every trigram of the query: walk the shortest list, look the others up.
      std::vector<uint32_t> grams;
      Trigrams(folded_query, false, grams);
      bool possible = true;
      for (uint32_t gram : grams) {
        auto key = std::lower_bound(bulk_->keys.begin(), bulk_->keys.end(), gram);
        if (key == bulk_->keys.end() || *key != gram) {
          possible = false;
          break;
        }
        List list = list_of(static_cast<size_t>(key - bulk_->keys.begin()));
        list.at = std::lower_bound(list.at, list.end, first);
        lists.push_back(list);
      }
      if (possible) {
        std::sort(lists.begin(), lists.end(),
                  [](const List& a, const List& b) { return a.end - a.at < b.end - b.at; });
        bool more = true;
        for (const uint32_t* at = lists[0].at; more && at != lists[0].end; ++at) {
          uint32_t id = *at;
          bool everywhere = true;
          for (size_t k = 1; k < lists.size() && everywhere; ++k) {
            if (++steps > max_steps) {
              result.gave_up = true;
              return result;
            }
            lists[k].at = std::lower_bound(lists[k].at, lists[k].end, id);
            if (lists[k].at == lists[k].end) {
              everywhere = false;
              more = false;  // no later id can be in this list either
            } else {
              everywhere = *lists[k].at == id;
            }
          }
          if (++steps > max_steps) {
            result.gave_up = true;
            return result;
          }
          if (everywhere && !take(id)) {
            bulk_complete = false;
            break;
          }
        }
      }
    }
  }

  // Names outside the bulk, in number order.
  std::vector<std::string_view> extra;
  bool extra_complete = true;
  for (auto entry = changed_.upper_bound(after_number); entry != changed_.end(); ++entry) {
    if (++steps > max_steps) {
      result.gave_up = true;
      return result;
    }
    if (entry->second.find(folded_query) != std::string::npos) {
      if (extra.size() == want) {
        extra_complete = false;
        break;
      }
      extra.push_back(entry->first);
    }
  }

  size_t i = 0;
  size_t j = 0;
  while (result.numbers.size() < want && (i < found.size() || j < extra.size())) {
    if (j == extra.size() || (i < found.size() && bulk_->Number(found[i]) < extra[j])) {
      result.numbers.emplace_back(bulk_->Number(found[i++]));
    } else {
      result.numbers.emplace_back(extra[j++]);
    }
  }
  result.complete = bulk_complete && extra_complete && i == found.size() && j == extra.size();
  return result;
}

size_t NameIndex::Size() const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  return live_count_ + changed_.size();
}

size_t NameIndex::PendingChanges() const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  return changed_.size();
}

size_t NameIndex::MemoryBytes() const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  size_t bytes = (bulk_ ? bulk_->Bytes() : 0) + live_.capacity();
  for (const auto& [number, name] : changed_) {
    bytes += 96 + number.capacity() + name.capacity();  // a map node and its two strings
  }
  return bytes;
}

}  // namespace kutse::certificate::search
