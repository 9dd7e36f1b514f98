// Whose inbox a request is in (proto-docs/domain.md, "Requests"): the awarding body that issued the
// certificate while it is active and holds the right to the standard today; otherwise the register
// keeper, whose admins have the same inbox. No I/O.
#pragma once

#include <optional>
#include <string>

#include "domain/certificate_facts.hpp"

namespace kutse::workflow {

// The register keeper's route as it is stored and as `approved_by` of
// workflow.duplicate_approved.v1 names it; a body's route is its 8-digit registry code.
inline constexpr const char* kRegisterKeeperRoute = "register";

class HandlerRoute {
 public:
  static HandlerRoute Body(std::string body_id) { return HandlerRoute(std::move(body_id)); }
  static HandlerRoute RegisterKeeper() { return HandlerRoute(""); }

  bool IsRegisterKeeper() const { return body_id_.empty(); }
  // The body's registry code; empty for the register keeper.
  const std::string& body_id() const { return body_id_; }

  // "register" or the body's registry code.
  std::string ToString() const;
  // nullopt for anything but "register" or an 8-digit registry code.
  static std::optional<HandlerRoute> Parse(const std::string& text);

  bool operator==(const HandlerRoute& other) const { return body_id_ == other.body_id_; }
  bool operator!=(const HandlerRoute& other) const { return !(*this == other); }

 private:
  explicit HandlerRoute(std::string body_id) : body_id_(std::move(body_id)) {}
  std::string body_id_;
};

// The issuing body when it is active and holds the right today, else the register keeper.
HandlerRoute RouteFor(const CertificateFacts& facts);

}  // namespace kutse::workflow
