// The little of PDF syntax (ISO 32000-1 §7.2-7.5) that writing and checking a DSS update needs:
// tokens, one indirect object (a dictionary, maybe with a stream), the top-level entries of a
// dictionary, a classic cross-reference section and the trailer of the last revision. Used by the
// sealer on its own output and by the verifier on hostile uploads, so every read is bounded
// (token count, nesting, lengths), nothing recurses, nothing is decompressed and no offset is
// followed outside the text it is given.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kutse::stamping::seal::pdf_syntax {

enum class TokenKind {
  kName,
  kNumber,
  kLiteralString,
  kHexString,
  kKeyword,
  kDictOpen,
  kDictClose,
  kArrayOpen,
  kArrayClose
};

struct Token {
  TokenKind kind;
  std::string_view text;  // as written, delimiters included
  size_t offset;          // where it starts in the text read
};

// The next token at `at` (white space before it skipped), `at` moved past it; nullopt at the end,
// at a comment, or when what is there is not a token of its kind or longer than the limits.
std::optional<Token> NextToken(std::string_view text, size_t& at);

// A dictionary's tokens, "<<" to ">>" both included.
using Tokens = std::vector<Token>;

// "<<" ... ">>" at `at` (white space before it skipped), nested arrays and dictionaries matched;
// `at` moved past it.
std::optional<Tokens> ReadDictionary(std::string_view text, size_t& at);

struct IndirectObject {
  unsigned number = 0;
  unsigned generation = 0;
  size_t offset = 0;                     // of its first digit
  Tokens dictionary;                     // only dictionaries are read
  std::optional<std::string_view> data;  // the stream's bytes, when it has one (its /Length, direct)
  size_t end = 0;                        // just after "endobj"
};

// "N G obj <<...>> [stream ... endstream] endobj" at `at` (white space before it skipped).
std::optional<IndirectObject> ReadIndirectObject(std::string_view text, size_t at);

// The top-level entries of `dictionary`: key (without the slash) -> [first, last) of its value's
// tokens. nullopt when a key comes twice or a value is missing.
using Entries = std::map<std::string_view, std::pair<size_t, size_t>>;
std::optional<Entries> TopLevelEntries(const Tokens& dictionary);

// The value of `key` in `entries` as the tokens' texts joined by one space (for comparing values
// however they were spaced); nullopt when absent.
std::optional<std::string> ValueText(const Tokens& dictionary, const Entries& entries, std::string_view key);

// "N G R" at tokens [first, last).
std::optional<std::pair<unsigned, unsigned>> ReferenceAt(const Tokens& tokens, size_t first, size_t last);

// A non-negative integer token's value (at most 10 digits).
std::optional<size_t> IntegerOf(const Token& token);

// The last revision of `pdf`: the offset its final "startxref" names and its trailer dictionary.
// Only a classic trailer ("trailer <<...>>", not a cross-reference stream) is read.
struct LastRevision {
  size_t xref_offset = 0;
  Tokens trailer;
};
std::optional<LastRevision> ReadLastRevision(std::string_view pdf);

// The classic cross-reference section at `at` ("xref", subsections, up to "trailer"). nullopt when
// anything in it is not of that form or an object number is in use twice.
struct XrefSection {
  std::map<unsigned, std::pair<size_t, unsigned>> in_use;  // object number -> (offset, generation)
  std::set<unsigned> freed;  // free entries but object 0's, the head of the free list
  size_t trailer_at = 0;     // where "trailer" starts
};
std::optional<XrefSection> ReadXrefSection(std::string_view pdf, size_t at);

// The dictionary object `reference` as the revision whose section is at `xref_offset` has it:
// from that section or, through the trailers' /Prev, an earlier one (at most 16 revisions back).
// nullopt when it is not found, is freed on the way, or is not that object.
std::optional<IndirectObject> FindObject(std::string_view pdf, size_t xref_offset,
                                         std::pair<unsigned, unsigned> reference);

}  // namespace kutse::stamping::seal::pdf_syntax
