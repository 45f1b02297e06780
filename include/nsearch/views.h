// Views of an index beside ranked search (Searcher::GetArticle,
// Searcher::Timeline): one whole article with every match marked, and how
// many matching articles fall in each period.
#ifndef NSEARCH_VIEWS_H_
#define NSEARCH_VIEWS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "nsearch/article.h"

namespace nsearch {

struct ParagraphView {
  int n = 0;  // 1-based ordinal, as Hit::paragraph
  ParagraphKind kind = ParagraphKind::kBody;
  std::string text;
  std::vector<std::pair<int, int>> highlights;  // code-point [start, end), as Hit::highlights
};

// A whole stored article. Highlights mark what the query given to
// GetArticle matched (its words, phrases and the mentions of its entity
// filters); without a query there are none.
struct ArticleView {
  std::string id;  // the article id (Hit::path)
  std::string title;
  std::vector<std::pair<int, int>> title_highlights;
  std::string date, author, url;
  std::vector<ParagraphView> paragraphs;  // every paragraph, boilerplate and credits included
  std::vector<Entity> entities;           // name, type and mentions count (Entity::count)
  int matching_paragraphs = 0;            // paragraphs with at least one highlight
};

// How long a timeline's periods are. kAuto: days when the dated matches span
// at most kTimelineDayspan days, years when they span more than
// kTimelineMaxMonths months, else months.
enum class TimelineUnit { kAuto, kDay, kMonth, kYear };
inline constexpr int kTimelineDayspan = 62;
inline constexpr int kTimelineMaxMonths = 600;

struct TimelinePeriod {
  std::string period;  // "2014", "2014-05" or "2014-05-06"
  int64_t count = 0;   // matching articles dated in it
};

// Matching articles per period, every period from the first dated match to
// the last (empty ones count 0), oldest first.
struct TimelineCounts {
  TimelineUnit unit = TimelineUnit::kMonth;  // never kAuto
  std::vector<TimelinePeriod> periods;
  int64_t undated = 0;   // matching articles without a date (in no period)
  int64_t articles = 0;  // every matching article: the periods' sum + undated
};

std::string_view TimelineUnitName(TimelineUnit unit);  // "day", "month", "year", "auto"
// False when |name| is none of the names TimelineUnitName produces.
bool ParseTimelineUnit(std::string_view name, TimelineUnit* unit);

}  // namespace nsearch

#endif  // NSEARCH_VIEWS_H_
