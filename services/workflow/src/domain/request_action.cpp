#include "domain/request_action.hpp"

#include <type_traits>

#include "kutse/common/enum_names.hpp"

namespace kutse::workflow {
namespace {

constexpr common::EnumName<ActionKind> kNames[] = {
    {ActionKind::kTake, "take"},
    {ActionKind::kAccept, "accept"},
    {ActionKind::kReject, "reject"},
    {ActionKind::kMarkDelivered, "mark_delivered"},
    {ActionKind::kApprove, "approve"},
    {ActionKind::kDuplicateIssued, "duplicate_issued"},
    {ActionKind::kIssueRefused, "issue_refused"},
    {ActionKind::kAnswer, "answer"},
    {ActionKind::kReply, "reply"},
    {ActionKind::kClose, "close"},
    {ActionKind::kWithdraw, "withdraw"},
    {ActionKind::kAttach, "attach"},
};

static_assert(std::variant_size_v<Action> == sizeof kNames / sizeof kNames[0],
              "every action kind has one alternative of Action, in the same order");
static_assert(
    std::is_same_v<std::variant_alternative_t<static_cast<size_t>(ActionKind::kAttach), Action>, Attach>);
static_assert(
    std::is_same_v<std::variant_alternative_t<static_cast<size_t>(ActionKind::kTake), Action>, Take>);
static_assert(
    std::is_same_v<std::variant_alternative_t<static_cast<size_t>(ActionKind::kDuplicateIssued), Action>,
                   DuplicateIssued>);

}  // namespace

const char* ToString(ActionKind kind) {
  return common::NameOf(kNames, kind);
}

std::optional<ActionKind> ParseActionKind(const std::string& text) {
  return common::ValueOf(kNames, text);
}

ActionKind KindOf(const Action& action) {
  return static_cast<ActionKind>(action.index());
}

}  // namespace kutse::workflow
