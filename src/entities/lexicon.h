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
  // How news writes a person (tables_names.cc): stage titles ("Lady"), kin
  // address forms ("Grandpa", also in |titles|), and the context words that
  // tell a person from a company of the same name.
  WordSet stage_titles, kin_titles, office_titles, person_after, org_after;
  WordSet org_before;      // phrase keys, one to three words ("according to")
  WordSet outlet_before;   // the same, for one-word names only ("told")
  WordSet company_before;  // the same, for any name ("analyst at")
  // Nickname -> the formal given name it is grouped under ("bill" ->
  // "william"); FormalGiven() reads it.
  std::unordered_map<std::string, std::string> formal_given;
  // Given names that came from the system's propernames list (0 when the
  // Debian package miscfiles is absent).
  size_t system_given_names = 0;
  // Ordinary English words of up to 8 letters from the system wordlist
  // (package wamerican; empty when absent): "NET", "SALES" in a table are
  // words, not acronyms.
  WordSet common_words;

  // The grouping key of a given name: "mike" -> "michael", "michael" ->
  // "michael", any other word unchanged.
  const std::string& FormalGiven(const std::string& key) const {
    auto it = formal_given.find(key);
    return it == formal_given.end() ? key : it->second;
  }

  const Known* Find(std::string_view key) const {
    auto it = phrases.find(std::string(key));
    return it == phrases.end() ? nullptr : &it->second;
  }
  static bool Has(const WordSet& set, const std::string& key) { return set.count(key) != 0; }
};

// The process-wide lexicon, built on first use (thread-safe). Building it
// reads ICU's region and city names and the system word lists: tens of
// milliseconds, so query-time code uses AliasCanonical instead.
const Lexicon& GetLexicon();

// Token keys of |phrase| joined by single spaces ("St. Louis" -> "st louis"),
// the form Lexicon::phrases is keyed by.
std::string PhraseKey(std::string_view phrase);

}  // namespace nsearch::entities

#endif  // NSEARCH_ENTITIES_LEXICON_H_
