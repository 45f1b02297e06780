// search/query: compiles what a user typed into the Xapian query that runs,
// with Xapian's QueryParser on the index itself: its words spelled as the
// index spells them (text::Tokenize), stop words dropped, spellings of one
// name as synonyms, trailing wildcards expanded over the index's words, the
// spelling suggestion for unknown words, and the fields person:, place:,
// org:, author:, date: and title: as Xapian field processors. Never fails on
// stray syntax: it falls back to the plain words and says what it ignored.
#ifndef NSEARCH_SEARCH_QUERY_H_
#define NSEARCH_SEARCH_QUERY_H_

#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "nsearch/searcher.h"
#include "nsearch/status.h"
#include "search/filters.h"

namespace nsearch::search {

// Trailing wildcards: at least this many letters before '*', and at most
// this many index words per wildcard (else an InvalidArgument that says so).
inline constexpr size_t kMinWildcardPrefix = 3;
inline constexpr size_t kMaxWildcardWords = 200;

// What the compiler asks of the index for fields. Each returns the names
// to OR together, or NotFound / InvalidArgument (ambiguous) as a Status.
struct FieldResolvers {
  std::function<Result<std::vector<std::string>>(EntityType, const std::string&)> entity;
  std::function<Result<std::vector<std::string>>(const std::string&)> author;
};

struct CompileOptions {
  bool include_boilerplate = false;  // words also match boilerplate and credits
  bool exact = false;                // no synonyms, no spelling suggestion
  bool default_and = false;          // words without operators must all match
  bool suggest = true;               // spelling suggestion (with !exact)
};

// One word of the query as it ran: the terms that stand for it (its stem,
// or a wildcard's expansions, or a name's spellings), weighed as one.
struct QueryWord {
  std::vector<std::string> terms;  // unprefixed stems
};

// A phrase of the query as the index sees it: the words that have positions
// (not stop words) and their offsets in the phrase, and its length in
// words, stop words counted.
struct Phrase {
  std::vector<std::string> terms;  // stems
  std::vector<uint32_t> offsets;
  uint32_t length = 0;
  bool operator==(const Phrase&) const = default;
};

struct CompiledQuery {
  Xapian::Query query;  // empty when nothing at all was typed
  // Positive words and phrases of the query that ran (not excluded ones),
  // for passage scoring and highlighting.
  std::vector<QueryWord> words;
  std::vector<Phrase> phrases;
  bool excludes = false;  // NOT, AND NOT or -word
  bool has_text = false;  // a word or phrase to look for (not only fields)
  // Entity fields (person:..., and --person), dates and authors resolved.
  std::vector<std::pair<std::string, std::vector<std::string>>> resolved;
  std::vector<std::pair<EntityType, std::vector<std::string>>> entity_names;
  std::optional<DateRange> date;
  std::vector<std::vector<std::string>> authors;
  // The query with unknown words corrected from the index's vocabulary;
  // empty when every word is known (or with exact).
  std::string suggestion;
  // One line each for what was ignored ("unbalanced quote", "stray AND").
  std::vector<std::string> notes;
  // Each article's language without a value read per hit (LoadArticle):
  // |usual_language| is every article's but the few |language_exceptions|
  // (sorted by document), whose own are listed; empty when the index has
  // more than a few articles outside its largest language.
  std::string usual_language;
  std::vector<std::pair<Xapian::docid, std::string>> language_exceptions;
};

// The language of document |did| as |q| knows it (CompiledQuery::
// usual_language), or empty when its value must be read.
std::string_view KnownLanguage(const CompiledQuery& q, Xapian::docid did);

// Compiles |raw| against |db|. |extra_filters| are --person and friends,
// |date| the --since/--until range (ANDed). InvalidArgument for a bad date,
// an ambiguous entity, a wildcard that is too short or too broad; NotFound
// for an entity or author nobody in the index has.
Result<CompiledQuery> CompileQuery(const Xapian::Database& db, std::string_view raw,
                                   const std::vector<EntityFilter>& extra_filters,
                                   const std::optional<DateRange>& date,
                                   const std::vector<std::string>& authors,
                                   const FieldResolvers& resolvers, const CompileOptions& options);

// Rewrites each word of |raw| to its folded index spelling while keeping
// quotes, parentheses, +/- prefixes, the upper-case operators AND OR NOT XOR
// NEAR ADJ, and field values (person:"Marco Rubio") as typed. A word ending
// in '*' becomes the wildcard field. Control characters become spaces.
std::string NormalizeQueryText(std::string_view raw);

// Articles mentioning any of the canonical |names| (of one entity filter).
Xapian::Query EntityQuery(EntityType type, const std::vector<std::string>& names);

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_QUERY_H_
