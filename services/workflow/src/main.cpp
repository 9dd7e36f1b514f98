// kutse-workflow: wiring only.
#include "workflow_service.hpp"

int main() {
  return kutse::runtime::RunService("workflow", {}, kutse::workflow::Configure);
}
