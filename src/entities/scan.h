// entities/scan: finds name candidates in one paragraph and types them from
// local evidence only (lexicons, titles, head words, shape, neighbours). The
// article-level pass in extractor.cc then settles what local evidence cannot
// (a lone surname, a word at a sentence start) from the rest of the article.
#ifndef NSEARCH_ENTITIES_SCAN_H_
#define NSEARCH_ENTITIES_SCAN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "entities/lexicon.h"
#include "entities/tokenizer.h"
#include "nsearch/article.h"

namespace nsearch::entities {

// How sure the local evidence is. kUntyped: a lone capitalised word with no
// clue; the article pass decides or drops it.
enum Strength : uint8_t { kUntyped = 0, kWeak = 1, kMedium = 2, kStrong = 3 };

struct Mention {
  EntityType type = EntityType::kPerson;
  Strength strength = kUntyped;
  std::string surface;  // as written, possessive dropped
  std::string key;      // token keys joined by ' '
  int words = 0;
  bool sentence_start = false;   // first word opens a sentence
  bool hyphen_compound = false;  // one token "Trump-Putin": may be split later
  bool acronym = false;          // all-caps, for linking to a spelled-out name
  int paragraph = 0;             // index into the article's scanned paragraphs
  uint32_t begin = 0;            // byte offsets in that paragraph
  uint32_t end = 0;
  std::string canonical;     // lexicon canonical name when known
  bool country = false;      // lexicon place that is a country/region
  std::string full;          // article pass: the full name a surname stands for
  std::string bundle_full;   // display form when |full| came from the bundle
  int linked = -1;           // article pass: the mention an acronym spells out
  bool dateline = false;     // the place of a wire dateline
  bool surname_org = false;  // a lexicon company that may be a surname ("Bloomberg")
  std::string stage;         // "Lady" of "Lady Gaga": a stage title before a one-word name
  std::string title;         // "mayor" of "Mayor Bloomberg": the title key right before
};

// How a paragraph is read. kNormal: running text. kRestricted: an all-caps or
// title-case heading, where capitals say nothing, so only names the lexicon
// or the rest of the article knows are taken.
enum class ScanMode { kNormal, kRestricted, kAllCaps };

// Decides the mode from the paragraph's shape and kind.
ScanMode ModeFor(const std::vector<Token>& tokens, std::string_view text, ParagraphKind kind);

// Typed and untyped candidates of a normal paragraph.
// |sports|: the article reports sport, where a city names its club;
// |table_line|: IsTableLine(tokens), computed once by the caller.
void ScanNormal(const Lexicon& lex, std::string_view text, const std::vector<Token>& tokens,
                int paragraph, bool sports, bool table_line, std::vector<Mention>* out);

// True for a results or standings line: mostly numbers and names.
bool IsTableLine(const std::vector<Token>& tokens);

}  // namespace nsearch::entities

#endif  // NSEARCH_ENTITIES_SCAN_H_
