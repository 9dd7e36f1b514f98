#include "domain/permissions.hpp"

#include <algorithm>
#include <iterator>

namespace kutse::workflow {
namespace {

using common::Msg;

enum class Party { kHolder, kHandler, kSystem };

struct Permission {
  ActionKind action;
  Party party;
};

constexpr Permission kPermissions[] = {
    {ActionKind::kWithdraw, Party::kHolder},     {ActionKind::kReply, Party::kHolder},
    {ActionKind::kClose, Party::kHolder},        {ActionKind::kAttach, Party::kHolder},
    {ActionKind::kTake, Party::kHandler},        {ActionKind::kAccept, Party::kHandler},
    {ActionKind::kReject, Party::kHandler},      {ActionKind::kMarkDelivered, Party::kHandler},
    {ActionKind::kApprove, Party::kHandler},     {ActionKind::kAnswer, Party::kHandler},
    {ActionKind::kClose, Party::kHandler},       {ActionKind::kDuplicateIssued, Party::kSystem},
    {ActionKind::kIssueRefused, Party::kSystem},
};

Party PartyOf(const Actor& actor) {
  switch (actor.kind) {
    case ActorKind::kHolder:
      return Party::kHolder;
    case ActorKind::kClerk:
    case ActorKind::kRegisterKeeper:
      return Party::kHandler;
    case ActorKind::kSystem:
      return Party::kSystem;
  }
  return Party::kSystem;
}

// Whether the party takes this action at all.
bool PartyMay(Party party, ActionKind action) {
  return std::any_of(std::begin(kPermissions), std::end(kPermissions),
                     [&](const Permission& row) { return row.party == party && row.action == action; });
}

// The refusal for a party that does not take this action: it names who does.
common::Status WrongParty(ActionKind action) {
  if (PartyMay(Party::kHolder, action)) {
    return common::PermissionDenied(Msg("request.holder_only"));
  }
  if (PartyMay(Party::kHandler, action)) {
    return common::PermissionDenied(Msg("request.handler_only"));
  }
  return common::PermissionDenied(Msg("request.system_only"));
}

common::Status CheckHandler(const HandlerRoute& route, const Actor& actor) {
  bool routed_here = route.IsRegisterKeeper()
                         ? actor.kind == ActorKind::kRegisterKeeper
                         : actor.kind == ActorKind::kClerk && actor.body_id == route.body_id();
  if (routed_here) {
    return common::OkStatus();
  }
  if (route.IsRegisterKeeper()) {
    return common::PermissionDenied(Msg("request.routed_to_register_keeper"));
  }
  return common::PermissionDenied(Msg("request.routed_to_body", {{"body", route.body_id()}}));
}

}  // namespace

common::Status CheckActor(const RequestRecord& request, const Actor& actor, ActionKind action) {
  Party party = PartyOf(actor);
  if (!PartyMay(party, action)) {
    return WrongParty(action);
  }
  switch (party) {
    case Party::kHolder:
      if (actor.personal_code.empty() || actor.personal_code != request.holder_personal_code) {
        return common::PermissionDenied(Msg("request.not_your_request"));
      }
      return common::OkStatus();
    case Party::kHandler:
      return CheckHandler(request.route, actor);
    case Party::kSystem:
      return common::OkStatus();
  }
  return common::OkStatus();
}

}  // namespace kutse::workflow
