// The one error model of Kutse. A Status is a canonical code that tells the caller whether and when
// to try again, a Message for people, and the field errors of a request. Domain rules and use cases
// return Status or StatusOr<T>; code at the edge (handlers, consumers) may throw StatusError to leave
// early. libs/http maps a Status to problem+json in one place (problem.cpp), libs/bus to ack, retry
// or dead letter (event_consumer.cpp). ADR 0004 gives the reasons.
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "kutse/common/message.hpp"

namespace kutse::common {

enum class StatusCode {
  kOk,
  kInvalidArgument,     // the request is wrong as sent: fix it; retrying it unchanged fails again
  kUnauthenticated,     // the caller is not known: sign in (or renew the token), then retry
  kPermissionDenied,    // the caller may not do this: do not retry
  kNotFound,            // no such thing, or not one the caller may see
  kAlreadyExists,       // what the request would create is there already
  kFailedPrecondition,  // the current state does not allow it: not until that state changes
  kAborted,             // a concurrent change got there first: read again, then retry
  kResourceExhausted,   // a limit or quota was hit: retry after a while
  kDeadlineExceeded,    // a call took too long: retrying may work
  kUnavailable,         // a dependency is down, or the service is draining: retry after a while
  kInternal,            // a bug of ours
};

const char* ToString(StatusCode code);
// Whether trying the same thing again later can succeed (a consumer retries these, dead-letters the rest).
bool IsTransient(StatusCode code);

// One field of a request that is missing or wrong: a JSON Pointer into the request and what is wrong.
struct FieldError {
  std::string pointer;  // e.g. /holder_personal_code, /certificates/3/level, or a query parameter /limit
  Message detail;
};
using FieldErrors = std::vector<FieldError>;

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, Message message, FieldErrors errors = {})
      : code_(code), message_(std::move(message)), errors_(std::move(errors)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const Message& message() const { return message_; }
  const FieldErrors& field_errors() const { return errors_; }
  // A more precise machine-readable name than the code's, when the API promises one
  // (malformed_json, csrf_failed, ...); empty for the code's own. libs/http keeps the list.
  const std::string& reason() const { return reason_; }
  const std::optional<std::chrono::seconds>& retry_after() const { return retry_after_; }
  // For unauthenticated: how to authenticate (an HTTP answer sends it as WWW-Authenticate).
  const std::string& challenge() const { return challenge_; }

  Status&& WithReason(std::string reason) && {
    reason_ = std::move(reason);
    return std::move(*this);
  }
  Status&& WithRetryAfter(std::chrono::seconds after) && {
    retry_after_ = after;
    return std::move(*this);
  }
  Status&& WithChallenge(std::string challenge) && {
    challenge_ = std::move(challenge);
    return std::move(*this);
  }
  Status& WithReason(std::string reason) & {
    reason_ = std::move(reason);
    return *this;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  Message message_;
  FieldErrors errors_;
  std::string reason_;
  std::optional<std::chrono::seconds> retry_after_;
  std::string challenge_;
};

inline Status OkStatus() {
  return Status();
}
inline Status InvalidArgument(Message message, FieldErrors errors = {}) {
  return Status(StatusCode::kInvalidArgument, std::move(message), std::move(errors));
}
inline Status Unauthenticated(Message message) {
  return Status(StatusCode::kUnauthenticated, std::move(message));
}
inline Status PermissionDenied(Message message) {
  return Status(StatusCode::kPermissionDenied, std::move(message));
}
inline Status NotFound(Message message) {
  return Status(StatusCode::kNotFound, std::move(message));
}
inline Status AlreadyExists(Message message) {
  return Status(StatusCode::kAlreadyExists, std::move(message));
}
inline Status FailedPrecondition(Message message) {
  return Status(StatusCode::kFailedPrecondition, std::move(message));
}
inline Status Aborted(Message message) {
  return Status(StatusCode::kAborted, std::move(message));
}
inline Status ResourceExhausted(Message message) {
  return Status(StatusCode::kResourceExhausted, std::move(message));
}
inline Status DeadlineExceeded(Message message) {
  return Status(StatusCode::kDeadlineExceeded, std::move(message));
}
inline Status Unavailable(Message message) {
  return Status(StatusCode::kUnavailable, std::move(message));
}
inline Status Internal(Message message) {
  return Status(StatusCode::kInternal, std::move(message));
}

// A Status thrown: how code at the edge leaves a handler, a consumer or a transaction early. Its
// what() is the code and key only, never a text with data in it.
class StatusError : public std::exception {
 public:
  explicit StatusError(Status status);
  const Status& status() const { return status_; }
  const char* what() const noexcept override { return what_.c_str(); }

 private:
  Status status_;
  std::string what_;
};

// Either a value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : state_(std::move(value)) {}        // NOLINT: implicit, like absl::StatusOr
  StatusOr(Status status) : state_(std::move(status)) {  // NOLINT
    if (std::get<Status>(state_).ok()) {
      state_ = Internal(Msg("common.ok_without_value"));  // an OK status carries no value: a bug
    }
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(state_);
  }
  // The value; throws StatusError when there is none.
  T& value() & {
    Check();
    return std::get<T>(state_);
  }
  const T& value() const& {
    Check();
    return std::get<T>(state_);
  }
  T&& value() && {
    Check();
    return std::get<T>(std::move(state_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  void Check() const {
    if (!ok()) {
      throw StatusError(std::get<Status>(state_));
    }
  }

  std::variant<Status, T> state_;
};

// For the edge: the value, or the Status thrown as StatusError.
template <typename T>
T ValueOrThrow(StatusOr<T> result) {
  return std::move(result).value();
}
inline void ThrowIfError(Status status) {
  if (!status.ok()) {
    throw StatusError(std::move(status));
  }
}

}  // namespace kutse::common
