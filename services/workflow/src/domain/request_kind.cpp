#include "domain/request_kind.hpp"

#include "kutse/common/enum_names.hpp"

namespace kutse::workflow {
namespace {

constexpr common::EnumName<RequestKind> kNames[] = {
    {RequestKind::kReprint, "reprint"},
    {RequestKind::kDuplicate, "duplicate"},
    {RequestKind::kQuestion, "question"},
};

}  // namespace

const char* ToString(RequestKind kind) {
  return common::NameOf(kNames, kind);
}

std::optional<RequestKind> ParseRequestKind(const std::string& text) {
  return common::ValueOf(kNames, text);
}

}  // namespace kutse::workflow
