// search/filters: the date and author filters and the date sort, as Xapian
// queries and key makers over the schema's kSlotDate value and XA terms.
#ifndef NSEARCH_SEARCH_FILTERS_H_
#define NSEARCH_SEARCH_FILTERS_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nsearch/searcher.h"
#include "nsearch/status.h"

namespace nsearch::search {

// Inclusive YYYYMMDD bounds; an empty bound is open.
struct DateRange {
  std::string from, to;
  bool operator==(const DateRange&) const = default;
};

// A date: value or a --since/--until bound: "2014", "2014-05", "2014-05-06"
// (each covering all its days), or a range "A..B", "A.." or "..B".
// InvalidArgument names the value and the accepted forms.
Result<DateRange> ParseDateRange(std::string_view typed);

// The intersection of |ranges| (all of them must hold).
DateRange Intersect(const std::vector<DateRange>& ranges);

// Documents whose kSlotDate lies in |range|. Documents without a date never
// match, even an open range. MatchNothing when from > to.
Xapian::Query DateQuery(const DateRange& range);

// Every author in the index: the XA term's key (index::AuthorKey: "jen
// chung") and its words, split from the key without reading any document.
struct IndexedAuthor {
  std::string folded;
  std::vector<std::string> words;
};
std::vector<IndexedAuthor> ListAuthors(const Xapian::Database& db);

// The folded author names (XA terms) that |typed| means. One word: every
// author with that word in their name. A full name: that author exactly;
// when nobody has exactly that name, the authors whose name holds it as a
// run of words ("Jen Chung and Ben Yakas"). NotFound when nobody matches;
// InvalidArgument when |typed| has no word or matches more than
// kMaxAuthorExpansion authors.
inline constexpr size_t kMaxAuthorExpansion = 500;
Result<std::vector<std::string>> ExpandAuthor(const Xapian::Database& db,
                                              const std::vector<IndexedAuthor>& authors,
                                              std::string_view typed);

// Passages or records by any of |folded_names| (from ExpandAuthor).
Xapian::Query AuthorQuery(const std::vector<std::string>& folded_names);

// Articles written (added or changed, kSlotIndexed) at or after |seconds|
// since the epoch; SearchOptions::indexed_since.
Xapian::Query IndexedSinceQuery(double seconds);

// Sort keys on kSlotDate for kNewest/kOldest; undated documents sort last
// either way.
std::unique_ptr<Xapian::KeyMaker> DateSortKey(SortOrder order);

// Sorts |enquire| by date for kNewest/kOldest (ties by relevance when
// |then_relevance|), through DateSortKey, whose object |*key| keeps alive.
// The remote backend takes no KeyMaker: with |remote| the date value itself
// is the key, which orders newest first the same way, but oldest first puts
// the undated articles first (the searcher fetches them after the dated
// ones; quotes list newest first only).
void SortByDate(Xapian::Enquire& enquire, SortOrder order, bool then_relevance, bool remote,
                std::unique_ptr<Xapian::KeyMaker>* key);

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_FILTERS_H_
