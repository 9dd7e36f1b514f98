#include "kutse/http/etag.hpp"

namespace kutse::http {
namespace {

bool IsOws(char c) {
  return c == ' ' || c == '\t';
}

// etagc = %x21 / %x23-7E / obs-text: visible characters but the double quote, and any byte above 0x7F.
bool IsEtagChar(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte == 0x21 || (byte >= 0x23 && byte <= 0x7e) || byte >= 0x80;
}

common::Status Malformed(const std::string& header) {
  return common::InvalidArgument(common::Msg("http.entity_tags_malformed", {{"header", header}}))
      .WithReason("bad_request");
}

common::Status PreconditionFailed() {
  return common::FailedPrecondition(common::Msg("http.precondition_failed"))
      .WithReason("precondition_failed");
}

}  // namespace

EntityTag EntityTag::OfVersion(long long version) {
  return EntityTag{std::to_string(version), false};
}

std::string EntityTag::ToString() const {
  return (weak ? "W/\"" : "\"") + opaque + "\"";
}

bool StrongMatch(const EntityTag& a, const EntityTag& b) {
  return !a.weak && !b.weak && a.opaque == b.opaque;
}

bool WeakMatch(const EntityTag& a, const EntityTag& b) {
  return a.opaque == b.opaque;
}

common::StatusOr<EntityTagCondition> ParseEntityTagCondition(std::string_view value,
                                                             const std::string& header) {
  size_t begin = 0;
  size_t end = value.size();
  while (begin < end && IsOws(value[begin])) {
    ++begin;
  }
  while (end > begin && IsOws(value[end - 1])) {
    --end;
  }
  std::string_view trimmed = value.substr(begin, end - begin);
  EntityTagCondition condition;
  if (trimmed == "*") {
    condition.any = true;
    return condition;
  }
  size_t at = 0;
  // A tag may hold commas, so the list is read tag by tag rather than split.
  while (at < trimmed.size()) {
    if (trimmed[at] == ',' || IsOws(trimmed[at])) {
      ++at;  // empty list elements and the whitespace around commas
      continue;
    }
    EntityTag tag;
    if (trimmed.substr(at, 2) == "W/") {
      tag.weak = true;
      at += 2;
    }
    if (at >= trimmed.size() || trimmed[at] != '"') {
      return Malformed(header);
    }
    size_t close = at + 1;
    while (close < trimmed.size() && IsEtagChar(trimmed[close])) {
      ++close;
    }
    if (close >= trimmed.size() || trimmed[close] != '"') {
      return Malformed(header);
    }
    tag.opaque = std::string(trimmed.substr(at + 1, close - at - 1));
    condition.tags.push_back(std::move(tag));
    at = close + 1;
    while (at < trimmed.size() && IsOws(trimmed[at])) {
      ++at;
    }
    if (at < trimmed.size() && trimmed[at] != ',') {
      return Malformed(header);  // two tags without a comma between them, or text after one
    }
  }
  return condition;
}

common::Status CheckIfMatch(const std::optional<std::string>& if_match,
                            const std::optional<EntityTag>& current, Precondition precondition) {
  if (!if_match) {
    if (precondition == Precondition::kRequired) {
      return common::FailedPrecondition(common::Msg("http.precondition_required"))
          .WithReason("precondition_required");
    }
    return common::OkStatus();
  }
  auto condition = ParseEntityTagCondition(*if_match, "If-Match");
  if (!condition.ok()) {
    return condition.status();
  }
  if (!current) {
    return PreconditionFailed();
  }
  if (condition->any) {
    return common::OkStatus();
  }
  for (const auto& tag : condition->tags) {
    if (StrongMatch(tag, *current)) {
      return common::OkStatus();
    }
  }
  return PreconditionFailed();
}

common::StatusOr<bool> IfNoneMatchHolds(const std::optional<std::string>& if_none_match,
                                        const std::optional<EntityTag>& current) {
  if (!if_none_match) {
    return true;
  }
  auto condition = ParseEntityTagCondition(*if_none_match, "If-None-Match");
  if (!condition.ok()) {
    return condition.status();
  }
  if (!current) {
    return true;
  }
  if (condition->any) {
    return false;
  }
  for (const auto& tag : condition->tags) {
    if (WeakMatch(tag, *current)) {
      return false;
    }
  }
  return true;
}

common::Status CheckIfNoneMatch(const std::optional<std::string>& if_none_match,
                                const std::optional<EntityTag>& current) {
  auto holds = IfNoneMatchHolds(if_none_match, current);
  if (!holds.ok()) {
    return holds.status();
  }
  return *holds ? common::OkStatus() : PreconditionFailed();
}

}  // namespace kutse::http
