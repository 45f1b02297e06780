// entities/lexicon: every word list the extractor consults, built once per
// process from ICU data (country and region names in several languages,
// time-zone exemplar cities) and the project's tables. Immutable after
// construction, so one instance is shared by all threads.
#ifndef NSEARCH_ENTITIES_LEXICON_H_
#define NSEARCH_ENTITIES_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "nsearch/article.h"

namespace nsearch::entities {

// A phrase the lexicon knows: "new york" -> place "New York".
struct Known {
  EntityType type = EntityType::kPlace;
  std::string canonical;
  bool country = false;  // a country or larger region (sports: stays a place)
};

// Folded word sets. Keys are token keys (FoldWordInto, no trailing '.').
using WordSet = std::unordered_set<std::string>;

struct Lexicon {
  // Phrase key (token keys joined by ' ') -> known entity.
  std::unordered_map<std::string, Known> phrases;
  size_t max_phrase_tokens = 1;
  // Folded variant -> canonical person name ("zelenskyy" -> Volodymyr
  // Zelensky).
  std::unordered_map<std::string, std::string> person_aliases;
  WordSet given_names, titles, title_modifiers, org_heads, org_prefixes, place_heads,
      place_prefixes, misc_heads, demonyms, stopwords, particles, speech_verbs, roles, kin_words,
      facility_heads, misc_prefixes;

  const Known* Find(std::string_view key) const {
    auto it = phrases.find(std::string(key));
    return it == phrases.end() ? nullptr : &it->second;
  }
  static bool Has(const WordSet& set, const std::string& key) { return set.count(key) != 0; }
};

// The process-wide lexicon, built on first use (thread-safe).
const Lexicon& GetLexicon();

// Token keys of |phrase| joined by single spaces ("St. Louis" -> "st louis"),
// the form Lexicon::phrases is keyed by.
std::string PhraseKey(std::string_view phrase);

}  // namespace nsearch::entities

#endif  // NSEARCH_ENTITIES_LEXICON_H_
