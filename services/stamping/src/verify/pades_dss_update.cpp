#include "verify/pades_dss_update.hpp"

#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/x509.h>

#include <map>
#include <memory>
#include <set>
#include <string>

#include "seal/pdf_dss_syntax.hpp"

namespace kutse::stamping::verify {
namespace {

namespace syntax = seal::pdf_syntax;

// Our update has the chain, the TSA's and the responder's certificates and one response: a few.
constexpr size_t kMaxUpdateObjects = 64;

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

// "%%EOF" at `at`, then at most one end-of-line, then the end of `text`.
bool EndsWithEof(std::string_view text, size_t at) {
  if (text.substr(at, 5) != "%%EOF") {
    return false;
  }
  const std::string_view rest = text.substr(at + 5);
  return rest.empty() || rest == "\n" || rest == "\r\n" || rest == "\r";
}

// The signed revision's facts the update is checked against.
struct SignedRevision {
  size_t xref_offset = 0;
  size_t size = 0;
  std::pair<unsigned, unsigned> root;
  std::optional<std::string> root_text;
  std::optional<std::string> info_text;
  syntax::IndirectObject catalog;
};

std::optional<SignedRevision> ReadSignedRevision(std::string_view signed_revision) {
  size_t end = signed_revision.size();
  while (end > 0 && IsSpace(signed_revision[end - 1])) {
    --end;
  }
  if (end < 5 || !EndsWithEof(signed_revision, end - 5)) {
    return std::nullopt;
  }
  auto last = syntax::ReadLastRevision(signed_revision);
  auto trailer = last ? syntax::TopLevelEntries(last->trailer) : std::nullopt;
  if (!trailer || trailer->count("Root") == 0 || trailer->count("Size") == 0) {
    return std::nullopt;
  }
  SignedRevision revision;
  revision.xref_offset = last->xref_offset;
  const auto [root_first, root_last] = trailer->at("Root");
  auto root = syntax::ReferenceAt(last->trailer, root_first, root_last);
  auto size = syntax::IntegerOf(last->trailer[trailer->at("Size").first]);
  // The catalog as the signed revision's cross-reference sections place it.
  auto catalog = root ? syntax::FindObject(signed_revision, last->xref_offset, *root) : std::nullopt;
  if (!size || !catalog || catalog->data) {
    return std::nullopt;
  }
  revision.size = *size;
  revision.root = *root;
  revision.root_text = syntax::ValueText(last->trailer, *trailer, "Root");
  revision.info_text = syntax::ValueText(last->trailer, *trailer, "Info");
  revision.catalog = std::move(*catalog);
  return revision;
}

// The new catalog has every entry of the old one, the same, and /DSS besides; its reference.
std::optional<std::pair<unsigned, unsigned>> DssOfCatalog(const syntax::IndirectObject& before,
                                                          const syntax::IndirectObject& after) {
  auto old_entries = syntax::TopLevelEntries(before.dictionary);
  auto new_entries = syntax::TopLevelEntries(after.dictionary);
  if (!old_entries || !new_entries || after.data || old_entries->count("DSS") != 0 ||
      new_entries->count("DSS") == 0 || new_entries->size() != old_entries->size() + 1) {
    return std::nullopt;
  }
  for (const auto& [key, span] : *old_entries) {
    if (new_entries->count(key) == 0 || syntax::ValueText(before.dictionary, *old_entries, key) !=
                                            syntax::ValueText(after.dictionary, *new_entries, key)) {
      return std::nullopt;
    }
  }
  const auto [first, last] = new_entries->at("DSS");
  return syntax::ReferenceAt(after.dictionary, first, last);
}

enum class Store { kCertificate, kOcspResponse, kCrl };

// The numbers of "[ N 0 R ... ]" at tokens [first, last).
std::optional<std::vector<unsigned>> ReferenceArray(const syntax::Tokens& tokens, size_t first, size_t last) {
  if (last - first < 2 || tokens[first].kind != syntax::TokenKind::kArrayOpen ||
      tokens[last - 1].kind != syntax::TokenKind::kArrayClose || (last - first - 2) % 3 != 0) {
    return std::nullopt;
  }
  std::vector<unsigned> numbers;
  for (size_t at = first + 1; at + 1 < last; at += 3) {
    auto reference = syntax::ReferenceAt(tokens, at, at + 3);
    if (!reference || reference->second != 0) {
      return std::nullopt;
    }
    numbers.push_back(reference->first);
  }
  return numbers;
}

// The DSS dictionary: which stream holds what. nullopt when it has anything else.
std::optional<std::map<unsigned, Store>> StoredStreams(const syntax::IndirectObject& dss) {
  auto entries = syntax::TopLevelEntries(dss.dictionary);
  if (!entries || dss.data) {
    return std::nullopt;
  }
  std::map<unsigned, Store> streams;
  for (const auto& [key, span] : *entries) {
    const auto [first, last] = span;
    if (key == "Type") {
      if (last - first != 1 || dss.dictionary[first].text != "/DSS") {
        return std::nullopt;
      }
      continue;
    }
    if (key == "VRI") {
      // Per signature the same streams again: each reference must be to one named in the arrays
      // (checked by the caller through `streams`), and nothing but a dictionary of dictionaries.
      if (dss.dictionary[first].kind != syntax::TokenKind::kDictOpen) {
        return std::nullopt;
      }
      continue;
    }
    static const std::map<std::string_view, Store> kArrays = {
        {"Certs", Store::kCertificate}, {"OCSPs", Store::kOcspResponse}, {"CRLs", Store::kCrl}};
    const auto array = kArrays.find(key);
    if (array == kArrays.end()) {
      return std::nullopt;
    }
    const Store store = array->second;
    auto numbers = ReferenceArray(dss.dictionary, first, last);
    if (!numbers) {
      return std::nullopt;
    }
    for (unsigned number : *numbers) {
      if (!streams.emplace(number, store).second) {
        return std::nullopt;
      }
    }
  }
  // The VRI's references: only to those streams.
  if (entries->count("VRI") != 0) {
    const auto [first, last] = entries->at("VRI");
    for (size_t at = first; at < last; ++at) {
      if (dss.dictionary[at].kind == syntax::TokenKind::kKeyword) {
        auto reference = at >= first + 2 ? syntax::ReferenceAt(dss.dictionary, at - 2, at + 1) : std::nullopt;
        if (!reference || streams.count(reference->first) == 0) {
          return std::nullopt;
        }
      }
    }
  }
  return streams;
}

// The stream's bytes are one whole DER object of its kind.
bool HoldsWhatItShould(std::string_view data, Store store) {
  const auto* cursor = reinterpret_cast<const unsigned char*>(data.data());
  const auto* end = cursor + data.size();
  const long length = static_cast<long>(data.size());
  bool good = false;
  if (store == Store::kCertificate) {
    std::unique_ptr<X509, decltype(&X509_free)> certificate(d2i_X509(nullptr, &cursor, length), &X509_free);
    good = certificate != nullptr;
  } else if (store == Store::kOcspResponse) {
    std::unique_ptr<OCSP_RESPONSE, decltype(&OCSP_RESPONSE_free)> response(
        d2i_OCSP_RESPONSE(nullptr, &cursor, length), &OCSP_RESPONSE_free);
    good = response != nullptr && OCSP_response_status(response.get()) == OCSP_RESPONSE_STATUS_SUCCESSFUL;
  } else {
    std::unique_ptr<X509_CRL, decltype(&X509_CRL_free)> crl(d2i_X509_CRL(nullptr, &cursor, length),
                                                            &X509_CRL_free);
    good = crl != nullptr;
  }
  ERR_clear_error();
  return good && cursor == end;
}

// A one-token integer entry.
std::optional<size_t> IntegerEntry(const syntax::Tokens& dictionary, const syntax::Entries& entries,
                                   std::string_view key) {
  const auto found = entries.find(key);
  if (found == entries.end() || found->second.second - found->second.first != 1) {
    return std::nullopt;
  }
  return syntax::IntegerOf(dictionary[found->second.first]);
}

// "trailer <<...>> startxref N %%EOF" at `at`, N the section's offset, the end of the file after.
bool TrailerFits(std::string_view pdf, size_t at, size_t xref_at, unsigned highest,
                 const SignedRevision& signed_revision) {
  at += std::string_view("trailer").size();
  auto trailer = syntax::ReadDictionary(pdf, at);
  auto entries = trailer ? syntax::TopLevelEntries(*trailer) : std::nullopt;
  if (!entries) {
    return false;
  }
  for (const auto& [key, span] : *entries) {
    if (key != "Size" && key != "Root" && key != "Info" && key != "ID" && key != "Prev") {
      return false;  // /Encrypt, /XRefStm and the like are not of our kind
    }
  }
  // 0 for an absent or odd /Size, which no update can have; likewise /Prev pointing at the header.
  const size_t size = IntegerEntry(*trailer, *entries, "Size").value_or(0);
  const size_t previous = IntegerEntry(*trailer, *entries, "Prev").value_or(0);
  if (size <= highest || size < signed_revision.size || previous != signed_revision.xref_offset ||
      syntax::ValueText(*trailer, *entries, "Root") != signed_revision.root_text ||
      syntax::ValueText(*trailer, *entries, "Info") != signed_revision.info_text) {
    return false;
  }
  auto keyword = syntax::NextToken(pdf, at);
  auto offset = syntax::NextToken(pdf, at);
  if (!keyword || keyword->text != "startxref" || !offset || syntax::IntegerOf(*offset) != xref_at) {
    return false;
  }
  while (at < pdf.size() && IsSpace(pdf[at])) {
    ++at;
  }
  return EndsWithEof(pdf, at);
}

std::optional<DssUpdate> Read(std::string_view pdf, size_t signed_end) {
  auto signed_revision = ReadSignedRevision(pdf.substr(0, signed_end));
  if (!signed_revision) {
    return std::nullopt;
  }
  std::map<unsigned, syntax::IndirectObject> objects;
  size_t at = signed_end;
  for (;;) {
    while (at < pdf.size() && IsSpace(pdf[at])) {
      ++at;
    }
    if (pdf.substr(at, 4) == "xref") {
      break;
    }
    auto object = objects.size() < kMaxUpdateObjects ? syntax::ReadIndirectObject(pdf, at) : std::nullopt;
    if (!object) {
      return std::nullopt;
    }
    at = object->end;
    const unsigned number = object->number;
    if (!objects.emplace(number, std::move(*object)).second) {
      return std::nullopt;
    }
  }
  // The section names exactly the update's objects, each where it is, and frees none.
  const size_t xref_at = at;
  auto section = syntax::ReadXrefSection(pdf, xref_at);
  if (!section || !section->freed.empty() || section->in_use.size() != objects.size()) {
    return std::nullopt;
  }
  for (const auto& [number, place] : section->in_use) {
    const auto found = objects.find(number);
    if (found == objects.end() || found->second.offset != place.first ||
        found->second.generation != place.second) {
      return std::nullopt;
    }
  }
  if (objects.empty() ||
      !TrailerFits(pdf, section->trailer_at, xref_at, objects.rbegin()->first, *signed_revision)) {
    return std::nullopt;
  }

  // The catalog again, with the DSS; the DSS and its streams new objects.
  const auto catalog = objects.find(signed_revision->root.first);
  if (catalog == objects.end() || catalog->second.generation != signed_revision->root.second) {
    return std::nullopt;
  }
  auto dss_reference = DssOfCatalog(signed_revision->catalog, catalog->second);
  if (!dss_reference || dss_reference->second != 0 || objects.count(dss_reference->first) == 0) {
    return std::nullopt;
  }
  const syntax::IndirectObject& dss = objects.at(dss_reference->first);
  auto streams = StoredStreams(dss);
  if (!streams || dss.number < signed_revision->size) {
    return std::nullopt;
  }
  DssUpdate update;
  for (const auto& [number, object] : objects) {
    if (number == signed_revision->root.first || number == dss.number) {
      continue;
    }
    const auto stored = streams->find(number);
    auto entries = syntax::TopLevelEntries(object.dictionary);
    if (number < signed_revision->size || object.generation != 0 || stored == streams->end() ||
        !object.data || !entries || entries->size() != 1 ||
        !HoldsWhatItShould(*object.data, stored->second)) {
      return std::nullopt;  // an old object redefined, or one the DSS does not hold, or not what it says
    }
    update.has_certificates = update.has_certificates || stored->second == Store::kCertificate;
    if (stored->second == Store::kOcspResponse) {
      update.ocsp_responses.emplace_back(*object.data);
    }
  }
  // Every stream the DSS names is in this update (not an object of the signed revision).
  for (const auto& [number, store] : *streams) {
    if (objects.count(number) == 0 || number == signed_revision->root.first || number == dss.number) {
      return std::nullopt;
    }
  }
  return update;
}

}  // namespace

std::optional<DssUpdate> ReadDssUpdate(std::string_view pdf, size_t signed_end) {
  if (signed_end >= pdf.size()) {
    return std::nullopt;
  }
  auto update = Read(pdf, signed_end);
  ERR_clear_error();
  return update;
}

}  // namespace kutse::stamping::verify
