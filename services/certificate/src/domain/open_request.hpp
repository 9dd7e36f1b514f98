// "My certificates" shows each certificate's open requests (issue 10). The request-workflow service
// owns requests; the register keeps a copy of each, fed by its request.submitted.v1 and
// request.status_changed.v1. The bus may deliver them late and out of order, so each piece of news
// carries its own time, and news older than what the copy knows never overwrites it. A finished
// request keeps its copy (marked not open): a closed question can still be reopened, and an old
// submission arriving late must not bring a withdrawn request back. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::certificate {

// What one event says about a request. Times are UTC as 2026-12-03T10:15:00.000Z (always three
// decimals, see events/event_members.hpp), so comparing the text compares the instants.
struct RequestNews {
  std::string request_id;
  std::string kind;  // reprint | duplicate | question
  std::string certificate_number;
  std::optional<std::string> from;  // a status change's state before; nullopt for the submission
  std::string state;                // the state after
  std::string at;                   // submitted_at or changed_at
};

// The register's copy of a request.
struct OpenRequest {
  std::string request_id;
  std::string kind;
  std::string certificate_number;
  std::string state;
  std::optional<std::string> submitted_at;  // nullopt until the submission's news has come
  std::string changed_at;                   // the time of the news `state` is from
};

// Rejected, completed, withdrawn, closed: the request is finished (the workflow's own rule).
bool IsFinishedRequestState(const std::string& state);
bool IsOpen(const OpenRequest& request);

// Whether `news` is newer than what `known` says. At the same instant a status change follows the
// submission, and one that starts from the known state follows it; anything else is older.
bool Supersedes(const OpenRequest& known, const RequestNews& news);

// The copy after the news: the newer state wins; the submission's time is kept whenever it comes.
OpenRequest ApplyNews(const std::optional<OpenRequest>& known, const RequestNews& news);

}  // namespace kutse::certificate
