// GroupDays: days into periods, gaps filled, odd dates handled.
#include "search/timeline.h"

#include <gtest/gtest.h>

namespace nsearch::search {
namespace {

std::vector<std::string> Periods(const TimelineCounts& t) {
  std::vector<std::string> out;
  for (const auto& p : t.periods) out.push_back(p.period + "=" + std::to_string(p.count));
  return out;
}

TEST(GroupDaysTest, AutoPicksDaysMonthsOrYears) {
  DayCounts short_span{{{"20140530", 1}, {"20140602", 2}}, 0};
  EXPECT_EQ(GroupDays(short_span, TimelineUnit::kAuto).unit, TimelineUnit::kDay);
  EXPECT_EQ(
      Periods(GroupDays(short_span, TimelineUnit::kAuto)),
      (std::vector<std::string>{"2014-05-30=1", "2014-05-31=0", "2014-06-01=0", "2014-06-02=2"}));
  DayCounts months{{{"20140101", 1}, {"20141231", 1}}, 3};
  auto m = GroupDays(months, TimelineUnit::kAuto);
  EXPECT_EQ(m.unit, TimelineUnit::kMonth);
  EXPECT_EQ(m.periods.size(), 12u);
  EXPECT_EQ(m.articles, 5);
  DayCounts decades{{{"19000101", 1}, {"20141231", 1}}, 0};
  auto y = GroupDays(decades, TimelineUnit::kAuto);
  EXPECT_EQ(y.unit, TimelineUnit::kYear);
  EXPECT_EQ(y.periods.size(), 115u);
}

TEST(GroupDaysTest, OddDatesAreClampedOrUndated) {
  DayCounts odd{{{"20140230", 1}, {"20141301", 1}, {"2014", 1}}, 0};
  auto t = GroupDays(odd, TimelineUnit::kDay);
  EXPECT_EQ(Periods(t), (std::vector<std::string>{"2014-02-28=1"}));
  EXPECT_EQ(t.undated, 2);
  EXPECT_EQ(t.articles, 3);
}

TEST(GroupDaysTest, NothingDatedHasNoPeriods) {
  auto t = GroupDays(DayCounts{{}, 4}, TimelineUnit::kAuto);
  EXPECT_TRUE(t.periods.empty());
  EXPECT_EQ(t.undated, 4);
  EXPECT_EQ(t.unit, TimelineUnit::kMonth);
}

}  // namespace
}  // namespace nsearch::search
