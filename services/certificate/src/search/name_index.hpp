// An in-memory index of the public register's names: the folded names (certificate.fold_name) of
// published certificates, searched by any part of the name, yielding certificate numbers in number
// order after a keyset cursor. Only candidates: the database re-checks every one it returns. No I/O.
//
// The bulk of it is built once and never changed: numbers in ascending byte order give dense ids,
// and for every byte trigram of a name (with a NUL after its end, so that a two-letter query is a
// trigram prefix) a posting list of ids, ascending, so walking a list walks the register in number
// order. Changes since then are a liveness flag per id and a small ordered map of names that the
// bulk does not hold; when that map grows, the owner builds the whole index anew.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kutse::certificate::search {

struct IndexedName {
  std::string number;
  std::string folded_name;
};

struct Candidates {
  std::vector<std::string> numbers;  // ascending, each after the cursor, at most `want`
  bool complete = false;             // nothing further after the last one
  bool gave_up = false;              // the walk took more than `max_steps`: ask the database instead
};

class NameIndex {
 public:
  NameIndex();
  ~NameIndex();
  NameIndex(const NameIndex&) = delete;
  NameIndex& operator=(const NameIndex&) = delete;

  // Replaces the whole content with these published certificates (any order; a repeated number:
  // the last one counts).
  void Load(std::vector<IndexedName> entries);
  // The certificate's state after a change: in the search with this name, or not at all.
  void Apply(const std::string& number, bool published, const std::string& folded_name);

  // Numbers of published certificates whose folded name contains `folded_query` (at least two
  // bytes), after `after_number` ("" for the first page), at most `want` of them.
  Candidates Find(const std::string& folded_query, const std::string& after_number, size_t want,
                  size_t max_steps) const;

  size_t Size() const;            // certificates in the search
  size_t PendingChanges() const;  // names held outside the bulk
  size_t MemoryBytes() const;     // heap held by the index, roughly

 private:
  struct Bulk;

  mutable std::shared_mutex mutex_;
  std::unique_ptr<const Bulk> bulk_;
  std::vector<uint8_t> live_;                                // per bulk id
  std::map<std::string, std::string, std::less<>> changed_;  // number -> folded name, outside the bulk
  size_t live_count_ = 0;
};

}  // namespace kutse::certificate::search
