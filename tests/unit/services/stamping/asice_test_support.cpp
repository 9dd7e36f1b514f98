#include "asice_test_support.hpp"

#include <openssl/pem.h>

#include <catch2/catch.hpp>

namespace stamping_test {

X509Ptr PemCertificate(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())),
                                                &BIO_free);
  return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), &X509_free);
}

std::string Unpack(const TempDir& dir, const std::string& container) {
  REQUIRE(HaveTool("unzip"));
  const std::string path = dir.Write("stamp.asice", container);
  const auto unpacked = Run("rm -rf '" + dir.Path() + "/x' && unzip -q -d '" + dir.Path() + "/x' " + path);
  INFO(unpacked.output);
  REQUIRE(unpacked.exit_code == 0);
  return dir.Path() + "/x";
}

// xmlsec1 resolves the data file's URI beside the signature file: put it next to the PDF.
CommandResult XmlsecVerify(const std::string& folder, const std::string& trust) {
  REQUIRE(HaveTool("xmlsec1"));
  Run("cp '" + folder + "/META-INF/signatures0.xml' '" + folder + "/signatures0.xml'");
  return Run("cd '" + folder + "' && xmlsec1 --verify " + trust +
             " --id-attr:Id http://uri.etsi.org/01903/v1.3.2#:SignedProperties signatures0.xml");
}

std::string XPath(const std::string& file, const std::string& expression) {
  REQUIRE(HaveTool("xmllint"));
  std::string value = Run("xmllint --xpath \"" + expression + "\" '" + file + "'", false).output;
  if (!value.empty() && value.back() == '\n')
    value.pop_back();  // xmllint ends its answer with a newline
  return value;
}

std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace stamping_test
