#include "search/timeline.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <vector>

#include "index/schema.h"
#include "index/unweighted.h"

namespace nsearch::search {
namespace {

namespace chr = std::chrono;

// A YYYYMMDD value as a calendar day; nullopt for no month 1-12. Days past
// the month's end are its last day (the source said 30 February).
std::optional<chr::year_month_day> Day(const std::string& v) {
  if (v.size() != 8 || v.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const int y = std::stoi(v.substr(0, 4)), m = std::stoi(v.substr(4, 2));
  const int d = std::stoi(v.substr(6, 2));
  if (m < 1 || m > 12) return std::nullopt;
  const chr::year_month ym{chr::year{y}, chr::month{static_cast<unsigned>(m)}};
  const chr::day last = chr::year_month_day_last{ym.year(), chr::month_day_last{ym.month()}}.day();
  const unsigned day = static_cast<unsigned>(std::clamp(d, 1, static_cast<int>(unsigned{last})));
  return chr::year_month_day{ym.year(), ym.month(), chr::day{day}};
}

std::string Label(const chr::year_month_day& d, TimelineUnit unit) {
  char buf[32];
  const int y = static_cast<int>(d.year());
  const unsigned m = unsigned{d.month()}, dd = unsigned{d.day()};
  if (unit == TimelineUnit::kYear) std::snprintf(buf, sizeof buf, "%04d", y);
  if (unit == TimelineUnit::kMonth) std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
  if (unit == TimelineUnit::kDay) std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, dd);
  return buf;
}

int MonthIndex(const chr::year_month_day& d) {
  return static_cast<int>(d.year()) * 12 + static_cast<int>(unsigned{d.month()}) - 1;
}

TimelineUnit Choose(const chr::year_month_day& first, const chr::year_month_day& last) {
  const auto days = (chr::sys_days{last} - chr::sys_days{first}).count();
  if (days <= kTimelineDayspan) return TimelineUnit::kDay;
  if (MonthIndex(last) - MonthIndex(first) >= kTimelineMaxMonths) return TimelineUnit::kYear;
  return TimelineUnit::kMonth;
}

// The first day of the period |d| falls in.
chr::year_month_day PeriodStart(const chr::year_month_day& d, TimelineUnit unit) {
  if (unit == TimelineUnit::kYear) return {d.year(), chr::January, chr::day{1}};
  if (unit == TimelineUnit::kMonth) return {d.year(), d.month(), chr::day{1}};
  return d;
}

chr::year_month_day NextPeriod(const chr::year_month_day& d, TimelineUnit unit) {
  if (unit == TimelineUnit::kYear) return d + chr::years{1};
  if (unit == TimelineUnit::kMonth) return d + chr::months{1};
  return chr::year_month_day{chr::sys_days{d} + chr::days{1}};
}

}  // namespace

void DateSpy::operator()(const Xapian::Document& doc, double) {
  if (!seen_articles_.insert(doc.get_value(index::kSlotArticle)).second) return;
  const std::string date = doc.get_value(index::kSlotDate);
  if (date.empty())
    ++counts_.undated;
  else
    ++counts_.days[date];
}

DayCounts CountDays(const Xapian::Database& db, const Xapian::Query& query, bool remote) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  index::SetCountingWeight(enquire, remote);
  if (remote) {
    Xapian::ValueCountMatchSpy spy(index::kSlotDate);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    DayCounts counts;
    int64_t dated = 0;
    for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
      counts.days[*v] = v.get_termfreq();
      dated += v.get_termfreq();
    }
    // Documents without a date value are not among the spy's values.
    counts.undated = static_cast<int64_t>(spy.get_total()) - dated;
    return counts;
  }
  DateSpy spy;
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  return spy.counts();
}

TimelineCounts GroupDays(const DayCounts& counts, TimelineUnit unit) {
  TimelineCounts out;
  out.undated = counts.undated;
  std::vector<std::pair<chr::year_month_day, int64_t>> days;
  for (const auto& [value, n] : counts.days) {
    if (auto d = Day(value))
      days.emplace_back(*d, n);
    else
      out.undated += n;
  }
  out.articles = out.undated;
  out.unit = unit == TimelineUnit::kAuto ? TimelineUnit::kMonth : unit;
  if (days.empty()) return out;
  // |counts.days| is in string order, which is date order for YYYYMMDD.
  if (unit == TimelineUnit::kAuto) out.unit = Choose(days.front().first, days.back().first);
  const auto last = PeriodStart(days.back().first, out.unit);
  size_t next = 0;
  for (auto p = PeriodStart(days.front().first, out.unit); p <= last; p = NextPeriod(p, out.unit)) {
    TimelinePeriod period{Label(p, out.unit), 0};
    const auto end = NextPeriod(p, out.unit);
    for (; next < days.size() && days[next].first < end; ++next) period.count += days[next].second;
    out.articles += period.count;
    out.periods.push_back(std::move(period));
  }
  return out;
}

}  // namespace nsearch::search
