#include "domain/data_access.hpp"

#include "kutse/common/enum_names.hpp"

namespace kutse::certificate {
namespace {

constexpr common::EnumName<AccessPurpose> kNames[] = {
    {AccessPurpose::kIssuing, "issuing"},     {AccessPurpose::kInvalidation, "invalidation"},
    {AccessPurpose::kAnnulment, "annulment"}, {AccessPurpose::kViewing, "viewing"},
    {AccessPurpose::kRequest, "request"},
};

}  // namespace

const char* ToString(AccessPurpose purpose) {
  return common::NameOf(kNames, purpose);
}

}  // namespace kutse::certificate
