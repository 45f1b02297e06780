// search/query: turns what a user typed into a Xapian query whose words are
// spelled exactly as the index spells them (text::Tokenize), keeping
// QueryParser's operators, and never failing on stray syntax.
#ifndef NSEARCH_SEARCH_QUERY_H_
#define NSEARCH_SEARCH_QUERY_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "nsearch/searcher.h"

namespace nsearch::search {

struct ParsedQuery {
  Xapian::Query text;  // empty when the user typed no words
  // Passages holding every word (default AND), weighted like |text|; what a
  // date-sorted search matches, where weight no longer pushes a passage
  // with one word of several down the list.
  Xapian::Query all_words;
  std::vector<std::string> stems;  // unprefixed terms, for the title boost
  // What to highlight: single words, and phrases as stem sequences. Words
  // the query excludes (-word, NOT word) are in neither.
  std::vector<std::string> highlight_words;
  std::vector<std::vector<std::string>> highlight_phrases;
  bool excludes = false;  // the query has -word, NOT or AND NOT
  std::vector<EntityFilter> filters;  // person:/place:/org: fields
  std::vector<std::string> dates;     // date: values as typed ("2014..2015")
  std::vector<std::string> authors;   // author: values as typed
};

// Pulls person:, place:, org: fields (value a word or a "quoted name") out of
// |raw| into |filters| and returns the rest. With |dates| and |authors| also
// pulls date: and author: fields; without, they stay in the text.
std::string ExtractFieldFilters(std::string_view raw, std::vector<EntityFilter>* filters,
                                std::vector<std::string>* dates = nullptr,
                                std::vector<std::string>* authors = nullptr);

// Rewrites each word of |raw| to its folded index spelling while keeping
// quotes, parentheses, +/- prefixes, field prefixes and the upper-case
// operators AND OR NOT XOR NEAR ADJ.
std::string NormalizeQueryText(std::string_view raw);

// Builds the passage query: BM25 over body words, with passages holding all
// words and articles whose title holds them weighted up.
ParsedQuery ParseQuery(std::string_view raw);

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_QUERY_H_
