// kutse-bench-token: prints an internal token for a service, signed with the gateway's key, so a
// benchmark can call a service directly (or through nginx) as the gateway would.
// Usage: kutse-bench-token <private-key.pem> <audience> <personal code> [lifetime seconds <= 300]
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "kutse/auth/token_signer.hpp"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s <private-key.pem> <audience> <personal code> [lifetime seconds]\n",
                 argv[0]);
    return 2;
  }
  std::ifstream in(argv[1]);
  std::ostringstream pem;
  pem << in.rdbuf();
  int lifetime = argc > 4 ? std::stoi(argv[4]) : 300;
  kutse::auth::Identity caller;
  caller.personal_code = argv[3];
  caller.roles = {"holder"};
  kutse::auth::TokenSigner signer(kutse::auth::Es256Key::FromPrivatePem(pem.str()),
                                  std::chrono::seconds(lifetime));
  std::printf("%s\n", signer.Issue(caller, argv[2]).c_str());
  return 0;
}
