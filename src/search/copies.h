// search/copies: query-time grouping of wire copies (docs/copies.md). The
// index stores each article's copy signature (index/copies.h); a search
// groups its ranked matches so that one result
// stands for a story and lists its near-identical copies. Grouping at query
// time needs no group ids in the index, so it holds across incremental runs
// (a copy added later joins at once) and across several indexes searched as
// one.
#ifndef NSEARCH_SEARCH_COPIES_H_
#define NSEARCH_SEARCH_COPIES_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace nsearch::search {

struct CopyGroup {
  size_t leader = 0;           // index into the ranked list: the best-ranked copy
  std::vector<size_t> copies;  // the other copies, best-ranked first
};

// Groups |signatures| (encoded, of the ranked matches, best first; empty:
// none, never a copy). Each article joins the group of the best-ranked
// earlier article it shares a band with and is a copy of (estimated Jaccard
// at least index::kCopyJaccard); otherwise it leads a group of its own.
// Groups come in the order of their leaders.
std::vector<CopyGroup> GroupCopies(const std::vector<std::string>& signatures);

// The value of |slot| of each of |docids| (any order; "" when unset), read
// through one value stream in docid order.
std::vector<std::string> SlotValues(const Xapian::Database& db, Xapian::valueno slot,
                                    const std::vector<Xapian::docid>& docids);

// The copy signatures of |docids| (any order), for GroupCopies: from their
// layout values (index::LayoutSignature), of which |layouts| holds those
// already read (by docid, sorted), reading the others'; an article written
// before signatures moved into the layout has its own in
// index::kSlotCopySignature, read for those only.
std::vector<std::string> CopySignatures(
    const Xapian::Database& db, const std::vector<Xapian::docid>& docids,
    const std::vector<std::pair<Xapian::docid, std::string>>& layouts);

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_COPIES_H_
