// What the stamping service's handlers are given: the tools of a stamp (the certificate service's
// facts, the renderer, the seal, the public address and the clock).
#pragma once

#include "app/create_stamp.hpp"

namespace kutse::stamping {

struct HandlerContext {
  app::StampTools tools;
};

}  // namespace kutse::stamping
