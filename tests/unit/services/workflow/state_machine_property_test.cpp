// The property test of issue 10: for each kind of request, thousands of random sequences of random
// actions by random actors (the holder, another holder, a clerk of the right body, a clerk of
// another body, the register keeper, the system). Every answer is held to the rules written out
// again below, independently of transition_table.cpp; the seed of a failing sequence is printed.
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include "domain/apply_action.hpp"
#include "domain/text_rules.hpp"
#include "domain/transition_table.hpp"
#include "workflow_fixtures.hpp"

using namespace kutse::workflow;
using namespace kutse::workflow::testing;
using kutse::common::StatusCode;
using A = ActionKind;
using S = RequestState;

namespace {

constexpr std::uint32_t kSeed = 20261203;
constexpr int kSequencesPerKind = 3000;
constexpr int kStepsPerSequence = 40;

enum class Who { kHolder, kOtherHolder, kClerk, kOtherClerk, kKeeper, kSystem };
constexpr Who kEveryone[] = {Who::kHolder,     Who::kOtherHolder, Who::kClerk,
                             Who::kOtherClerk, Who::kKeeper,      Who::kSystem};
const char* kWhoNames[] = {"holder",          "other holder", "clerk", "other body's clerk",
                           "register keeper", "system"};

Actor ActorOf(Who who) {
  switch (who) {
    case Who::kHolder:
      return TheHolder();
    case Who::kOtherHolder:
      return OtherHolder();
    case Who::kClerk:
      return ClerkOfTheBody();
    case Who::kOtherClerk:
      return ClerkOfOtherBody();
    case Who::kKeeper:
      return Keeper();
    case Who::kSystem:
      return Actor::System();
  }
  return Actor::System();
}

// The rules of issue 10, as written there.
std::optional<S> Expected(RequestKind kind, S from, A action) {
  const bool undecided = from == S::kSubmitted || from == S::kInReview;
  auto when = [](bool condition, S to) { return condition ? std::optional<S>(to) : std::nullopt; };
  switch (kind) {
    case RequestKind::kReprint:
      switch (action) {
        case A::kTake:
          return when(from == S::kSubmitted, S::kInReview);
        case A::kAccept:
          return when(undecided, S::kAccepted);
        case A::kReject:
          return when(undecided, S::kRejected);
        case A::kMarkDelivered:
          return when(from == S::kAccepted, S::kCompleted);
        case A::kWithdraw:
          return when(undecided, S::kWithdrawn);
        default:
          return std::nullopt;
      }
    case RequestKind::kDuplicate:
      switch (action) {
        case A::kTake:
          return when(from == S::kSubmitted, S::kInReview);
        case A::kApprove:
          return when(undecided || from == S::kIssueRefused, S::kApproved);
        case A::kReject:
          return when(undecided || from == S::kIssueRefused, S::kRejected);
        case A::kDuplicateIssued:
          return when(from == S::kApproved, S::kCompleted);
        case A::kIssueRefused:
          return when(from == S::kApproved, S::kIssueRefused);
        case A::kWithdraw:
          return when(undecided, S::kWithdrawn);
        case A::kAttach:
          return when(undecided, from);
        default:
          return std::nullopt;
      }
    case RequestKind::kQuestion:
      switch (action) {
        case A::kTake:
          return when(from == S::kSubmitted, S::kInReview);
        case A::kAnswer:
          return when(undecided, S::kAnswered);
        case A::kReply:
          return undecided ? std::optional<S>(from)
                           : when(from == S::kAnswered || from == S::kClosed, S::kSubmitted);
        case A::kClose:
          return when(undecided || from == S::kAnswered, S::kClosed);
        default:
          return std::nullopt;
      }
  }
  return std::nullopt;
}

std::set<S> AllowedStates(RequestKind kind) {
  switch (kind) {
    case RequestKind::kReprint:
      return {S::kSubmitted, S::kInReview, S::kAccepted, S::kRejected, S::kCompleted, S::kWithdrawn};
    case RequestKind::kDuplicate:
      return {S::kSubmitted, S::kInReview,  S::kApproved, S::kIssueRefused,
              S::kRejected,  S::kCompleted, S::kWithdrawn};
    case RequestKind::kQuestion:
      return {S::kSubmitted, S::kInReview, S::kAnswered, S::kClosed};
  }
  return {};
}

bool Permitted(Who who, A action, const HandlerRoute& route) {
  const Who handler = route.IsRegisterKeeper() ? Who::kKeeper : Who::kClerk;
  switch (action) {
    case A::kWithdraw:
    case A::kReply:
    case A::kAttach:
      return who == Who::kHolder;
    case A::kClose:
      return who == Who::kHolder || who == handler;
    case A::kDuplicateIssued:
    case A::kIssueRefused:
      return who == Who::kSystem;
    default:
      return who == handler;
  }
}

struct Generated {
  Action action;
  bool valid = true;  // whether its data pass the input rules
};

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : random_(seed) {}

  int Below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }
  bool OneIn(int n) { return Below(n) == 0; }

  Generated Next() {
    const bool bad = OneIn(4);
    switch (static_cast<A>(Below(12))) {
      case A::kTake:
        return {Take{}};
      case A::kAccept:
        return {Accept{}};
      case A::kReject:
        return {Reject{Text(bad, kMaxReasonLength)}, !bad};
      case A::kMarkDelivered:
        return {MarkDelivered{OneIn(2) ? DeliveryOutcome::kPosted : DeliveryOutcome::kHandedOver}};
      case A::kApprove:
        return {Approve{}};
      case A::kDuplicateIssued:
        return {DuplicateIssued{bad ? "K 000123" : "K-" + std::to_string(100000 + Below(900000))}, !bad};
      case A::kIssueRefused:
        return {IssueRefused{Text(bad, kMaxReasonLength)}, !bad};
      case A::kAnswer:
        return {Answer{Text(bad, kMaxMessageLength)}, !bad};
      case A::kReply:
        return {Reply{Text(bad, kMaxMessageLength)}, !bad};
      case A::kClose:
        return {Close{}};
      case A::kWithdraw:
        return {Withdraw{}};
      case A::kAttach:
        return {Attach{File(bad)}, !bad};
    }
    return {Take{}};
  }

 private:
  std::string Text(bool bad, size_t max_length) {
    if (!bad) {
      const char* good[] = {"Palun trükkige uuesti.", "  Vastus\n\tteisel real  ", "ü", "Why?"};
      return OneIn(20) ? std::string(max_length, 'x') : good[Below(4)];
    }
    const std::string broken[] = {"", " \n\t ", std::string("a\x01") + "b", "a\rb",
                                  std::string(max_length + 1, 'x')};
    return broken[Below(5)];
  }

  Attachment File(bool bad) {
    const char* types[] = {"application/pdf", "image/jpeg", "image/png"};
    if (!bad) {
      return {"f", types[Below(3)], 1 + static_cast<std::uint64_t>(Below(1000)) * 10000, ""};
    }
    switch (Below(3)) {
      case 0:
        return {"f", types[Below(3)], 0, ""};
      case 1:
        return {"f", types[Below(3)], kMaxAttachmentBytes + 1, ""};
      default:
        return {"f.pdf", "application/x-dosexec", 1000, ""};
    }
  }

  std::mt19937 random_;
};

// What ApplyAction must answer, in the documented order: who, then the state, then the data.
StatusCode ExpectedCode(const RequestRecord& request, Who who, const Generated& generated) {
  const A action = KindOf(generated.action);
  if (!Permitted(who, action, request.route)) {
    return StatusCode::kPermissionDenied;
  }
  if (!Expected(request.kind, request.state, action)) {
    return StatusCode::kFailedPrecondition;
  }
  if (action == A::kAttach && (request.duplicate_reason != DuplicateReason::kInaccurateData ||
                               request.attachment_count >= kMaxAttachments)) {
    return StatusCode::kFailedPrecondition;
  }
  return generated.valid ? StatusCode::kOk : StatusCode::kInvalidArgument;
}

std::string Describe(const std::vector<Transition>& history) {
  std::ostringstream out;
  for (const auto& transition : history) {
    out << "  " << ToString(transition.from) << " -" << ToString(transition.kind()) << "("
        << ToString(transition.actor.kind) << ")-> " << ToString(transition.to) << "\n";
  }
  return out.str();
}

struct Coverage {
  std::set<std::tuple<RequestKind, S, A>> rows;
  std::map<StatusCode, int> codes;
};

// One random sequence; the empty string when every step kept the rules, else what went wrong.
std::string RunSequence(RequestKind kind, std::uint32_t seed, Coverage& coverage) {
  Generator generate(seed);
  RequestRecord request = RequestOf(kind);
  request.route = generate.OneIn(3) ? HandlerRoute::RegisterKeeper() : HandlerRoute::Body(kBody);
  if (kind == RequestKind::kDuplicate) {
    request.duplicate_reason = static_cast<DuplicateReason>(generate.Below(3));
  }
  const std::set<S> allowed = AllowedStates(kind);
  std::vector<Transition> history;
  std::set<S> visited = {request.state};
  auto at = At();
  for (int step = 0; step < kStepsPerSequence; ++step) {
    const Who who = kEveryone[generate.Below(6)];
    const Generated generated = generate.Next();
    const A action = KindOf(generated.action);
    const RequestRecord before = request;
    at += std::chrono::minutes(1);
    auto result = ApplyAction(request, ActorOf(who), generated.action, at);

    std::ostringstream where;
    where << "seed " << seed << ", " << ToString(kind) << " routed to " << request.route.ToString()
          << ", step " << step << ": " << kWhoNames[static_cast<int>(who)] << " -" << ToString(action)
          << "-> in " << ToString(before.state) << ", code "
          << kutse::common::ToString(result.status().code()) << " (" << result.status().message().key
          << ")\nhistory:\n"
          << Describe(history);
    const StatusCode expected = ExpectedCode(before, who, generated);
    coverage.codes[result.status().code()] += 1;
    if (result.status().code() != expected) {
      return where.str() + "expected code " + kutse::common::ToString(expected);
    }
    if (!result.ok()) {
      if (!(request == before)) {
        return where.str() + "a refused action changed the request";
      }
      continue;
    }
    const Transition& transition = *result;
    if (transition.from != before.state || transition.to != *Expected(kind, before.state, action) ||
        transition.kind() != action || !(transition.actor == ActorOf(who)) || transition.at != at) {
      return where.str() + "the transition does not match the table: to " + ToString(transition.to);
    }
    if (IsTerminal(before.state) && !(kind == RequestKind::kQuestion && before.state == S::kClosed &&
                                      action == A::kReply && who == Who::kHolder)) {
      return where.str() + "a terminal state accepted an action";
    }
    if (transition.to == S::kCompleted) {
      const S prerequisite = kind == RequestKind::kReprint ? S::kAccepted : S::kApproved;
      if (transition.from != prerequisite || visited.count(prerequisite) == 0) {
        return where.str() + "completed without " + ToString(prerequisite);
      }
    }
    const size_t rows_before = history.size();
    history.push_back(transition);
    request = After(request, transition);
    if (history.size() != rows_before + 1 || request.state != transition.to) {
      return where.str() + "an accepted action did not leave exactly one history row";
    }
    if (allowed.count(request.state) == 0) {
      return where.str() + "left the states of its kind";
    }
    visited.insert(request.state);
    coverage.rows.insert({kind, transition.from, action});
  }
  return "";
}

}  // namespace

TEST_CASE("random actions by random actors keep every request within its rules") {
  for (RequestKind kind : {RequestKind::kReprint, RequestKind::kDuplicate, RequestKind::kQuestion}) {
    Coverage coverage;
    for (int sequence = 0; sequence < kSequencesPerKind; ++sequence) {
      const std::uint32_t seed = kSeed + static_cast<std::uint32_t>(kind) * 1000003u + sequence;
      std::string problem = RunSequence(kind, seed, coverage);
      if (!problem.empty()) {
        FAIL(problem);
      }
    }
    INFO(ToString(kind));
    // The sequences went everywhere: every row of the table was taken, every refusal was seen.
    for (const auto& rule : TransitionTable()) {
      if (rule.kind == kind) {
        INFO(ToString(rule.from) << " -" << ToString(rule.action) << "->");
        REQUIRE(coverage.rows.count({kind, rule.from, rule.action}) == 1);
      }
    }
    for (StatusCode code : {StatusCode::kOk, StatusCode::kPermissionDenied, StatusCode::kFailedPrecondition,
                            StatusCode::kInvalidArgument}) {
      INFO(kutse::common::ToString(code));
      REQUIRE(coverage.codes[code] > 0);
    }
    REQUIRE(coverage.codes.size() == 4);
  }
}

TEST_CASE("the independent rules and the table agree on every kind, state and action") {
  for (RequestKind kind : {RequestKind::kReprint, RequestKind::kDuplicate, RequestKind::kQuestion}) {
    for (int state = 0; state <= static_cast<int>(S::kClosed); ++state) {
      for (int action = 0; action <= static_cast<int>(A::kAttach); ++action) {
        auto from = static_cast<S>(state);
        auto taken = static_cast<A>(action);
        INFO(ToString(kind) << " " << ToString(from) << " " << ToString(taken));
        REQUIRE(NextState(kind, from, taken) == Expected(kind, from, taken));
      }
    }
  }
}
