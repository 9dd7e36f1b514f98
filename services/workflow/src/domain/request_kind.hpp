// The three stage I requests a holder makes on a certificate (proto-docs/domain.md, "Requests"):
// a reprint of the paper, a duplicate (a new document), and a question to the awarding body. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::workflow {

enum class RequestKind { kReprint, kDuplicate, kQuestion };

const char* ToString(RequestKind kind);
std::optional<RequestKind> ParseRequestKind(const std::string& text);

}  // namespace kutse::workflow
