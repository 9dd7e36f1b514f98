#include "domain/notice_templates.hpp"

#include <algorithm>
#include <stdexcept>

namespace kutse::notification {
namespace {

[[noreturn]] void Refuse(const std::string& file, const std::string& problem) {
  throw std::invalid_argument("notification template " + file + ": " + problem);
}

std::string Trimmed(const std::string& text) {
  size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) {
    return "";
  }
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// "title\n\nbody…": the body's lines are joined by one space, so a long text may be wrapped.
NoticeText Split(const std::string& file, const std::string& text) {
  std::vector<std::string> lines;
  size_t from = 0;
  while (from <= text.size()) {
    size_t end = text.find('\n', from);
    lines.push_back(Trimmed(text.substr(from, end == std::string::npos ? std::string::npos : end - from)));
    if (end == std::string::npos) {
      break;
    }
    from = end + 1;
  }
  if (lines.size() < 3 || lines[0].empty() || !lines[1].empty()) {
    Refuse(file, "not a title line, an empty line and the body");
  }
  NoticeText parts{lines[0], ""};
  for (size_t i = 2; i < lines.size(); ++i) {
    if (!lines[i].empty()) {
      parts.body += (parts.body.empty() ? "" : " ") + lines[i];
    }
  }
  if (parts.body.empty()) {
    Refuse(file, "no body");
  }
  return parts;
}

void CheckPlaceholders(const std::string& file, const std::string& text,
                       const std::vector<std::string>& allowed) {
  for (size_t open = text.find_first_of("{}"); open != std::string::npos;
       open = text.find_first_of("{}", open + 1)) {
    size_t close = text.find('}', open + 1);
    size_t next_open = text.find('{', open + 1);
    if (text[open] == '}' || close == std::string::npos || next_open < close) {
      Refuse(file, "a brace that does not enclose a placeholder");
    }
    std::string name = text.substr(open + 1, close - open - 1);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      Refuse(file, "placeholder {" + name + "} is not one its kind fills");
    }
    open = close;
  }
}

std::string Fill(const std::string& text, const std::map<std::string, std::string>& values) {
  std::string out;
  size_t from = 0;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', from)) {
    size_t close = text.find('}', open);  // a checked template closes every brace
    out.append(text, from, open - from);
    auto value = values.find(text.substr(open + 1, close - open - 1));
    out += value == values.end() ? text.substr(open, close - open + 1) : value->second;
    from = close + 1;
  }
  return out.append(text, from, std::string::npos);
}

}  // namespace

NoticeTemplates::NoticeTemplates(const std::map<std::string, std::string>& files,
                                 const std::vector<std::string>& languages,
                                 const std::vector<NoticeKindSpec>& kinds)
    : languages_(languages) {
  for (const auto& [file, text] : files) {
    size_t slash = file.find('/');
    bool named =
        slash != std::string::npos && file.size() > 4 && file.compare(file.size() - 4, 4, ".txt") == 0;
    std::string language = named ? file.substr(0, slash) : "";
    std::string kind = named ? file.substr(slash + 1, file.size() - slash - 5) : "";
    auto spec = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.kind == kind; });
    if (spec == kinds.end() || std::find(languages.begin(), languages.end(), language) == languages.end()) {
      Refuse(file, "not <language>/<kind>.txt of a known language and kind");
    }
    NoticeText parts = Split(file, text);
    CheckPlaceholders(file, parts.title, spec->placeholders);
    CheckPlaceholders(file, parts.body, spec->placeholders);
    texts_[{language, kind}] = std::move(parts);
  }
  for (const auto& spec : kinds) {
    for (const auto& language : languages) {
      if (texts_.find({language, spec.kind}) == texts_.end()) {
        Refuse(language + "/" + spec.kind + ".txt", "missing");
      }
    }
  }
}

NoticeText NoticeTemplates::Render(const std::string& kind, const std::string& language,
                                   const std::map<std::string, std::string>& values,
                                   const std::string& fallback_kind) const {
  const std::string& in = std::find(languages_.begin(), languages_.end(), language) != languages_.end()
                              ? language
                              : languages_.front();
  auto text = texts_.find({in, kind});
  if (text == texts_.end()) {
    text = texts_.find({in, fallback_kind});
  }
  if (text == texts_.end()) {
    throw std::invalid_argument("no notification template for " + fallback_kind);
  }
  return {Fill(text->second.title, values), Fill(text->second.body, values)};
}

}  // namespace kutse::notification
