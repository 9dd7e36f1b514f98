#include "domain/handler_route.hpp"

#include "kutse/common/text.hpp"

namespace kutse::workflow {

std::string HandlerRoute::ToString() const {
  return IsRegisterKeeper() ? kRegisterKeeperRoute : body_id_;
}

std::optional<HandlerRoute> HandlerRoute::Parse(const std::string& text) {
  if (text == kRegisterKeeperRoute) {
    return RegisterKeeper();
  }
  if (common::IsRegistryCode(text)) {
    return Body(text);
  }
  return std::nullopt;
}

HandlerRoute RouteFor(const CertificateFacts& facts) {
  if (facts.body_active && facts.body_holds_right_today && common::IsRegistryCode(facts.awarding_body_id)) {
    return HandlerRoute::Body(facts.awarding_body_id);
  }
  return HandlerRoute::RegisterKeeper();
}

}  // namespace kutse::workflow
