// search/timeline: matching articles counted by the day they are dated
// (kSlotDate), then grouped into the periods of a timeline. Counts are per
// article: an article in two indexes searched as one counts once.
#ifndef NSEARCH_SEARCH_TIMELINE_H_
#define NSEARCH_SEARCH_TIMELINE_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>

#include "nsearch/views.h"

namespace nsearch::search {

struct DayCounts {
  std::map<std::string, int64_t> days;  // YYYYMMDD -> articles
  int64_t undated = 0;
};

// Counts each matching article once, by its date value.
class DateSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double wt) override;
  const DayCounts& counts() const { return counts_; }

 private:
  std::unordered_set<std::string> seen_articles_;
  DayCounts counts_;
};

// The articles matching |query| in |db|, by day. Over |remote| databases,
// which take no custom MatchSpy, Xapian's ValueCountMatchSpy counts the date
// values where the documents are (documents, not articles: an article in
// two of the databases counts twice there).
DayCounts CountDays(const Xapian::Database& db, const Xapian::Query& query, bool remote = false);

// |counts| as periods of |unit| (kAuto: see TimelineUnit), every period from
// the first dated day to the last. A day that is no calendar day (a 13th
// month) counts as undated; a 30 February as the month's last day.
TimelineCounts GroupDays(const DayCounts& counts, TimelineUnit unit);

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_TIMELINE_H_
