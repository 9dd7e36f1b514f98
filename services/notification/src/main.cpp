// kutse-notification: wiring only.
#include "notification_service.hpp"

int main() {
  return kutse::runtime::RunService("notification", {}, kutse::notification::Configure);
}
