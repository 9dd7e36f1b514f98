#include "seal/pdf_dss.hpp"

#include <cstdio>
#include <stdexcept>
#include <string_view>

#include "seal/pdf_dss_syntax.hpp"

namespace kutse::stamping::seal {
namespace {

namespace syntax = pdf_syntax;

[[noreturn]] void Fail(const std::string& what) {
  throw std::runtime_error("the DSS cannot be added: " + what);
}

// The bytes of tokens [first, last) as written.
std::string_view Raw(const syntax::Tokens& tokens, size_t first, size_t last) {
  const char* begin = tokens[first].text.data();
  const char* end = tokens[last - 1].text.data() + tokens[last - 1].text.size();
  return std::string_view(begin, static_cast<size_t>(end - begin));
}

std::string XrefEntry(size_t offset, unsigned generation) {
  char entry[21];
  std::snprintf(entry, sizeof entry, "%010zu %05u n \n", offset, generation);
  return entry;
}

std::string References(const std::vector<unsigned>& numbers) {
  std::string text = "[";
  for (unsigned number : numbers) {
    text += ' ' + std::to_string(number) + " 0 R";
  }
  return text + ']';
}

}  // namespace

std::string AppendDss(const std::string& signed_pdf, const DssMaterial& material) {
  const auto revision = syntax::ReadLastRevision(signed_pdf);
  if (!revision) {
    Fail("the signed revision has no classic trailer");
  }
  const auto trailer = syntax::TopLevelEntries(revision->trailer);
  if (!trailer || trailer->count("Root") == 0 || trailer->count("Size") == 0) {
    Fail("the trailer has no /Root or /Size");
  }
  const auto [root_first, root_last] = trailer->at("Root");
  const auto root = syntax::ReferenceAt(revision->trailer, root_first, root_last);
  const auto size = syntax::IntegerOf(revision->trailer[trailer->at("Size").first]);
  if (!root || !size) {
    Fail("the trailer's /Root or /Size is not of its kind");
  }
  const auto catalog = syntax::FindObject(signed_pdf, revision->xref_offset, *root);
  if (!catalog || catalog->data) {
    Fail("the catalog cannot be read");
  }
  const std::string_view catalog_body = Raw(catalog->dictionary, 0, catalog->dictionary.size());

  std::string out = signed_pdf;
  if (out.back() != '\n') {
    out += '\n';
  }
  unsigned next = static_cast<unsigned>(*size);
  std::vector<size_t> offsets;  // of the new objects, numbered from *size on
  auto add_stream = [&](const std::string& bytes) {
    offsets.push_back(out.size());
    out += std::to_string(next) + " 0 obj<</Length " + std::to_string(bytes.size()) + ">>stream\n";
    out += bytes;
    out += "\nendstream\nendobj\n";
    return next++;
  };
  std::vector<unsigned> certificates;
  for (const std::string& certificate : material.certificates) {
    certificates.push_back(add_stream(certificate));
  }
  std::vector<unsigned> responses;
  for (const std::string& response : material.ocsp_responses) {
    responses.push_back(add_stream(response));
  }
  const unsigned dss = next++;
  offsets.push_back(out.size());
  out += std::to_string(dss) + " 0 obj<</Type/DSS/Certs" + References(certificates) + "/OCSPs" +
         References(responses) + "/VRI<</" + material.vri_key + "<</Cert" + References(certificates) +
         "/OCSP" + References(responses) + ">>>>>>\nendobj\n";
  // The catalog as the signed revision has it, with /DSS first: nothing else of it changes.
  const size_t catalog_at = out.size();
  out += std::to_string(root->first) + ' ' + std::to_string(root->second) + " obj<</DSS " +
         std::to_string(dss) + " 0 R";
  out.append(catalog_body.substr(2));
  out += "\nendobj\n";

  const size_t xref_at = out.size();
  out += "xref\n0 1\n0000000000 65535 f \n" + std::to_string(root->first) + " 1\n" +
         XrefEntry(catalog_at, root->second) + std::to_string(*size) + ' ' + std::to_string(offsets.size()) +
         '\n';
  for (size_t offset : offsets) {
    out += XrefEntry(offset, 0);
  }
  // The trailer keeps the signed revision's /Root, /Info and /ID (its first half must not change).
  out += "trailer\n<<";
  for (const char* key : {"ID", "Info"}) {
    if (trailer->count(key) != 0) {
      const auto [first, last] = trailer->at(key);
      out += std::string("/") + key + ' ';
      out.append(Raw(revision->trailer, first, last));
    }
  }
  out += "/Prev " + std::to_string(revision->xref_offset) + "/Root ";
  out.append(Raw(revision->trailer, root_first, root_last));
  out += "/Size " + std::to_string(next) + ">>\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
  return out;
}

}  // namespace kutse::stamping::seal
