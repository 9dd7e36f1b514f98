// kutse-certificate: wiring only.
#include "certificate_service.hpp"

int main() {
  return kutse::runtime::RunService("certificate", {}, kutse::certificate::Configure);
}
