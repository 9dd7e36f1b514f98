#include "kutse/common/sha256.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

using kutse::common::Sha256Hex;

TEST_CASE("Sha256Hex gives the FIPS 180-2 digests in lower-case hex") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("Sha256Hex keeps no state between calls or threads") {
  const std::string first = Sha256Hex("session one");
  CHECK(Sha256Hex("session two") != first);
  CHECK(Sha256Hex("session one") == first);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&results, i] {
      for (int round = 0; round < 1000; ++round) {
        results[i] = Sha256Hex("session one");
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (const auto& result : results) {
    CHECK(result == first);
  }
}
