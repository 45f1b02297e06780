// search/copies: query-time grouping of wire copies (docs/copies.md). The
// index stores each article's copy signature and its LSH band terms
// (index/copies.h); a search groups its ranked matches so that one result
// stands for a story and lists its near-identical copies. Grouping at query
// time needs no group ids in the index, so it holds across incremental runs
// (a copy added later joins at once) and across several indexes searched as
// one.
#ifndef NSEARCH_SEARCH_COPIES_H_
#define NSEARCH_SEARCH_COPIES_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace nsearch::search {

struct CopyGroup {
  size_t leader = 0;                // index into the ranked list: the best-ranked copy
  std::vector<size_t> ranked;       // the other copies among the ranked list, best first
  std::vector<Xapian::docid> more;  // copies matching the query beyond the ranked list
};

// Groups |signatures| (encoded, of the ranked matches, best first; empty:
// none, never a copy). Each article joins the group of the best-ranked
// earlier article it shares a band with and is a copy of (estimated Jaccard
// at least index::kCopyJaccard); otherwise it leads a group of its own.
// Groups come in the order of their leaders.
std::vector<CopyGroup> GroupCopies(const std::vector<std::string>& signatures);

// Adds to |groups| the copies among the articles matching |query| in |db|
// that are not in |ranked| (the docids the signatures belong to): found
// through the band terms of the groups' members, checked by signature.
void AddUnrankedCopies(const Xapian::Database& db, const Xapian::Query& query,
                       const std::vector<Xapian::docid>& ranked,
                       const std::vector<std::string>& signatures, std::vector<CopyGroup>* groups);

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_COPIES_H_
