// What "My certificates" shows a holder of one certificate: the group it is listed in (valid, no
// longer valid, duplicates) and the buttons they may press now. No I/O.
#pragma once

#include <vector>

#include "domain/certificate.hpp"

namespace kutse::certificate {

enum class HolderGroup { kValid, kNoLongerValid, kDuplicates };
enum class HolderAction { kPublish, kHide, kStamp, kReprint, kDuplicate, kQuestion };

// A duplicate is listed as such whatever its status; an original it replaced is no longer the
// document in use, so it is listed as no longer valid.
HolderGroup GroupOf(const Certificate& certificate);
std::vector<HolderAction> ActionsOf(const Certificate& certificate);
const char* ToString(HolderAction action);

}  // namespace kutse::certificate
