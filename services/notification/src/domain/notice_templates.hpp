// The notice texts of every kind in every language, from the template files
// services/notification/templates/<language>/<kind>.txt: a title line, an empty line, and the body
// (its lines joined by spaces), each with {placeholders}. No I/O: the files come in as text, embedded
// at build time (cmake/KutseTemplates.cmake).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kutse::notification {

struct NoticeText {
  std::string title;
  std::string body;
};

// A kind of notice and the placeholders its values always fill (domain/notice_kinds.hpp).
struct NoticeKindSpec {
  std::string kind;
  std::vector<std::string> placeholders;
};

class NoticeTemplates {
 public:
  // files: "<language>/<kind>.txt" -> text. Throws std::invalid_argument naming the file when a kind
  // of `kinds` has no template in one of `languages`, a template has no title or no body, or uses a
  // placeholder its kind does not fill (a misspelt one would reach a holder as written), or a brace
  // that does not close. Templates of kinds not in `kinds` are refused the same way.
  NoticeTemplates(const std::map<std::string, std::string>& files, const std::vector<std::string>& languages,
                  const std::vector<NoticeKindSpec>& kinds);

  // The kind's text in `language` (the first language when there is none in it) with each
  // placeholder replaced by its value. `fallback_kind` is used for a kind that has no template.
  NoticeText Render(const std::string& kind, const std::string& language,
                    const std::map<std::string, std::string>& values, const std::string& fallback_kind) const;

 private:
  std::vector<std::string> languages_;
  std::map<std::pair<std::string, std::string>, NoticeText> texts_;  // (language, kind) -> template
};

}  // namespace kutse::notification
