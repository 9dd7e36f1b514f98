// What the workflow's unit tests of the state machines share: the people who act on a request and
// a request of each kind.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "domain/actor.hpp"
#include "domain/request_record.hpp"
#include "field_errors.hpp"

namespace kutse::workflow::testing {

inline const std::string kHolderCode = "49102030219";
inline const std::string kOtherHolderCode = "38001085718";
inline const std::string kClerkCode = "37605030299";
inline const std::string kAdminCode = "48707126010";
inline const std::string kBody = "80012345";
inline const std::string kOtherBody = "80054321";

inline Actor TheHolder() {
  return Actor::Holder(kHolderCode);
}
inline Actor OtherHolder() {
  return Actor::Holder(kOtherHolderCode);
}
inline Actor ClerkOfTheBody() {
  return Actor::Clerk(kClerkCode, kBody);
}
inline Actor ClerkOfOtherBody() {
  return Actor::Clerk(kClerkCode, kOtherBody);
}
inline Actor Keeper() {
  return Actor::RegisterKeeper(kAdminCode);
}

// A request of the holder's in the body's inbox.
inline RequestRecord RequestOf(RequestKind kind, RequestState state = RequestState::kSubmitted) {
  RequestRecord request;
  request.kind = kind;
  request.state = state;
  request.route = HandlerRoute::Body(kBody);
  request.holder_personal_code = kHolderCode;
  if (kind == RequestKind::kDuplicate) {
    request.duplicate_reason = DuplicateReason::kInaccurateData;
  }
  return request;
}

// 2026-12-03T10:00:00Z
inline std::chrono::system_clock::time_point At() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1796292000));
}

}  // namespace kutse::workflow::testing
