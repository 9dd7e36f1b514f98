// kutse-replay-dead-letters: an operator's command. Usage:
//   KUTSE_AMQP_URL=amqp://... kutse-replay-dead-letters <service>
// Moves every message of <service>.events.dead back to <service>.events and prints how many.
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "kutse/bus/dead_letter_replay.hpp"

int main(int argc, char** argv) {
  const char* url = std::getenv("KUTSE_AMQP_URL");
  if (argc != 2 || url == nullptr) {
    std::fprintf(stderr, "usage: KUTSE_AMQP_URL=amqp://user:password@host:port/vhost %s <service>\n",
                 argv[0]);
    return 2;
  }
  try {
    int moved = kutse::bus::ReplayDeadLetters(kutse::bus::AmqpUrl::Parse(url), argv[1]);
    std::printf("moved %d message(s) from %s.events.dead back to %s.events\n", moved, argv[1], argv[1]);
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "replay failed: %s\n", error.what());
    return 1;
  }
}
