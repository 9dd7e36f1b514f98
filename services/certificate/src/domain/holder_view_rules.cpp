#include "domain/holder_view_rules.hpp"

#include "kutse/common/enum_names.hpp"

namespace kutse::certificate {
namespace {

constexpr common::EnumName<HolderAction> kActionNames[] = {
    {HolderAction::kPublish, "publish"},     {HolderAction::kHide, "hide"},
    {HolderAction::kStamp, "stamp"},         {HolderAction::kReprint, "reprint"},
    {HolderAction::kDuplicate, "duplicate"}, {HolderAction::kQuestion, "question"},
};

}  // namespace

HolderGroup GroupOf(const Certificate& certificate) {
  if (certificate.duplicate_of) {
    return HolderGroup::kDuplicates;
  }
  if (certificate.status == CertificateStatus::kValid && certificate.InUse()) {
    return HolderGroup::kValid;
  }
  return HolderGroup::kNoLongerValid;
}

std::vector<HolderAction> ActionsOf(const Certificate& certificate) {
  std::vector<HolderAction> actions;
  bool in_use = certificate.InUse();
  // A replaced original may still be hidden if it was published, never published again.
  if (in_use || certificate.published) {
    actions.push_back(certificate.published ? HolderAction::kHide : HolderAction::kPublish);
  }
  if (in_use && MayBeStamped(certificate.status)) {
    actions.push_back(HolderAction::kStamp);
  }
  if (in_use && (certificate.status == CertificateStatus::kValid ||
                 certificate.status == CertificateStatus::kExpired)) {
    actions.push_back(HolderAction::kReprint);
    actions.push_back(HolderAction::kDuplicate);
  }
  actions.push_back(HolderAction::kQuestion);
  return actions;
}

const char* ToString(HolderAction action) {
  return common::NameOf(kActionNames, action);
}

}  // namespace kutse::certificate
