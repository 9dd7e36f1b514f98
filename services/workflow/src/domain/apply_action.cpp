#include "domain/apply_action.hpp"

#include "domain/permissions.hpp"
#include "domain/text_rules.hpp"
#include "domain/transition_table.hpp"

namespace kutse::workflow {
namespace {

using common::Msg;

bool IsNumberCharacter(char c, bool first) {
  bool alphanumeric = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  return alphanumeric || (!first && (c == '/' || c == '.' || c == '-'));
}

common::Status RefusedByState(const RequestRecord& request, ActionKind action) {
  std::vector<std::pair<std::string, std::string>> values = {
      {"action", ToString(action)}, {"kind", ToString(request.kind)}, {"state", ToString(request.state)}};
  if (!KindTakes(request.kind, action)) {
    return common::FailedPrecondition(Msg("request.action_not_for_kind", values));
  }
  return common::FailedPrecondition(
      Msg(IsTerminal(request.state) ? "request.already_finished" : "request.action_not_in_state", values));
}

common::Status CheckAttach(const RequestRecord& request, const Attach& attach) {
  if (request.duplicate_reason != DuplicateReason::kInaccurateData) {
    return common::FailedPrecondition(Msg("request.attachments_only_inaccurate_data"));
  }
  common::Status room = CheckRoomForAttachment(request.attachment_count);
  if (!room.ok()) {
    return room;
  }
  return CheckAttachmentFile(attach.file);
}

// The checked text kept in the transition, or the refusal.
common::Status Keep(common::StatusOr<std::string> text, std::optional<std::string>& into) {
  if (!text.ok()) {
    return text.status();
  }
  into = std::move(text).value();
  return common::OkStatus();
}

// The action's own data checked; its reason or message, trimmed, put into the transition.
common::Status CheckData(const RequestRecord& request, const Action& action, Transition& transition) {
  switch (KindOf(action)) {
    case ActionKind::kReject:
      return Keep(CheckReasonText(std::get<Reject>(action).reason), transition.reason);
    case ActionKind::kIssueRefused:
      return Keep(CheckReasonText(std::get<IssueRefused>(action).reason), transition.reason);
    case ActionKind::kAnswer:
      return Keep(CheckMessageText(std::get<Answer>(action).message), transition.message);
    case ActionKind::kReply:
      return Keep(CheckMessageText(std::get<Reply>(action).message), transition.message);
    case ActionKind::kDuplicateIssued:
      if (!IsCertificateNumber(std::get<DuplicateIssued>(action).certificate_number)) {
        return InvalidInput({{"/certificate_number", Msg("request.certificate_number_form")}});
      }
      return common::OkStatus();
    case ActionKind::kAttach:
      return CheckAttach(request, std::get<Attach>(action));
    default:
      return common::OkStatus();  // the other actions carry nothing to check
  }
}

}  // namespace

bool IsCertificateNumber(const std::string& text) {
  if (text.empty() || text.size() > 32) {
    return false;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsNumberCharacter(text[i], i == 0)) {
      return false;
    }
  }
  return true;
}

common::StatusOr<Transition> ApplyAction(const RequestRecord& request, const Actor& actor,
                                         const Action& action, std::chrono::system_clock::time_point at) {
  ActionKind kind = KindOf(action);
  common::Status allowed = CheckActor(request, actor, kind);
  if (!allowed.ok()) {
    return allowed;
  }
  std::optional<RequestState> to = NextState(request.kind, request.state, kind);
  if (!to) {
    return RefusedByState(request, kind);
  }
  Transition transition{request.state, *to, actor, action, std::nullopt, std::nullopt, at};
  common::Status data = CheckData(request, action, transition);
  if (!data.ok()) {
    return data;
  }
  return transition;
}

RequestRecord After(const RequestRecord& request, const Transition& transition) {
  RequestRecord next = request;
  next.state = transition.to;
  if (transition.kind() == ActionKind::kAttach) {
    ++next.attachment_count;
  }
  return next;
}

}  // namespace kutse::workflow
