#include "domain/actor.hpp"

#include "kutse/common/enum_names.hpp"

namespace kutse::workflow {
namespace {

constexpr common::EnumName<ActorKind> kNames[] = {
    {ActorKind::kHolder, "holder"},
    {ActorKind::kClerk, "clerk"},
    {ActorKind::kRegisterKeeper, "register_keeper"},
    {ActorKind::kSystem, "system"},
};

}  // namespace

const char* ToString(ActorKind kind) {
  return common::NameOf(kNames, kind);
}

std::optional<ActorKind> ParseActorKind(const std::string& text) {
  return common::ValueOf(kNames, text);
}

}  // namespace kutse::workflow
