// search/matches: where a compiled query's words and phrases occur in one
// article, paragraph by paragraph, from the index's term positions (a
// position says its paragraph: schema.h). What the article view marks; the
// passage scorer (rank.cc) walks the same positions to pick one passage.
#ifndef NSEARCH_SEARCH_MATCHES_H_
#define NSEARCH_SEARCH_MATCHES_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "search/query.h"

namespace nsearch::search {

// Per layout entry (0: the title, i: paragraph i), the word ranges [first,
// last) that matched, numbered as text::Tokenize numbers the entry's words
// (what WordSpans takes), sorted. Words match in body, headings, captions
// and the title; with |include_boilerplate| in boilerplate and credits too.
using EntryMatches = std::vector<std::vector<std::pair<uint32_t, uint32_t>>>;
EntryMatches MatchedWords(const Xapian::Database& db, Xapian::docid did, const CompiledQuery& query,
                          bool include_boilerplate);

// Every way the index saw |entity_names| written: the canonical names and
// their alias terms (what a mention highlight looks for).
std::vector<std::string> EntityMentions(
    const Xapian::Database& db,
    const std::vector<std::pair<EntityType, std::vector<std::string>>>& entity_names);

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_MATCHES_H_
