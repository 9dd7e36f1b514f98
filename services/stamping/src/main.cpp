// kutse-stamping: wiring only.
#include "stamping_service.hpp"

int main() {
  return kutse::runtime::RunService("stamping", {}, kutse::stamping::Configure);
}
