// search/facets: entity counts in a set of matching articles — each
// article's entities counted once — read from the entities value in one
// pass over its value stream, in document order.
#ifndef NSEARCH_SEARCH_FACETS_H_
#define NSEARCH_SEARCH_FACETS_H_

#include <xapian.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "nsearch/searcher.h"

namespace nsearch::search {

// Counts the entities of |docids| (any order); the top |limit| per type (0
// or less: all), most articles first, names in |exclude| (a filter's own
// names) left out. An article indexed in several of |db|'s shards counts
// once.
Facets CountFacets(const Xapian::Database& db, std::vector<Xapian::docid> docids, int limit,
                   const std::unordered_set<std::string>& exclude = {});

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_FACETS_H_
