// Who acts on a request: the holder (by personal code), a handler (a clerk of one awarding body,
// or an admin of the register keeper) or the system (the certificate service, through its events).
// The handlers map the caller's identity to an Actor; the rules in permissions.hpp say what each
// may do. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::workflow {

enum class ActorKind { kHolder, kClerk, kRegisterKeeper, kSystem };

const char* ToString(ActorKind kind);
std::optional<ActorKind> ParseActorKind(const std::string& text);

struct Actor {
  ActorKind kind = ActorKind::kHolder;
  // The person's personal code (holder, clerk, the register keeper's admin); empty for the system.
  // Personal data: it goes into the history row, never into a log line at info level.
  std::string personal_code;
  // A clerk's awarding body (registry code); empty for everyone else.
  std::string body_id;

  static Actor Holder(std::string personal_code) {
    return {ActorKind::kHolder, std::move(personal_code), ""};
  }
  static Actor Clerk(std::string personal_code, std::string body_id) {
    return {ActorKind::kClerk, std::move(personal_code), std::move(body_id)};
  }
  static Actor RegisterKeeper(std::string personal_code) {
    return {ActorKind::kRegisterKeeper, std::move(personal_code), ""};
  }
  static Actor System() { return {ActorKind::kSystem, "", ""}; }

  bool IsHandler() const { return kind == ActorKind::kClerk || kind == ActorKind::kRegisterKeeper; }

  bool operator==(const Actor& other) const {
    return kind == other.kind && personal_code == other.personal_code && body_id == other.body_id;
  }
};

}  // namespace kutse::workflow
