// date: and author: in the query language, and the date values they take.
#include "search/filters.h"

#include <gtest/gtest.h>


namespace nsearch::search {
namespace {

DateRange Range(std::string_view typed) {
  auto r = ParseDateRange(typed);
  EXPECT_TRUE(r.ok()) << typed << ": " << r.status().message();
  return r.ok() ? *r : DateRange{"?", "?"};
}

TEST(ParseDateRangeTest, YearMonthDayCoverAllTheirDays) {
  EXPECT_EQ(Range("2014"), (DateRange{"20140101", "20141231"}));
  EXPECT_EQ(Range("2014-05"), (DateRange{"20140501", "20140531"}));
  EXPECT_EQ(Range("2014-5"), (DateRange{"20140501", "20140531"}));
  EXPECT_EQ(Range("2014-02"), (DateRange{"20140201", "20140228"}));
  EXPECT_EQ(Range("2016-02"), (DateRange{"20160201", "20160229"}));
  EXPECT_EQ(Range("2014-05-06"), (DateRange{"20140506", "20140506"}));
}

TEST(ParseDateRangeTest, Ranges) {
  EXPECT_EQ(Range("2014..2015"), (DateRange{"20140101", "20151231"}));
  EXPECT_EQ(Range("2014-05..2014-06-15"), (DateRange{"20140501", "20140615"}));
  EXPECT_EQ(Range("2014.."), (DateRange{"20140101", ""}));
  EXPECT_EQ(Range("..2014-05"), (DateRange{"", "20140531"}));
}

TEST(ParseDateRangeTest, RejectsWhatIsNotADate) {
  for (const char* bad :
       {"", "14", "20140506", "2014-13", "2014-00", "2014-02-30", "2015-02-29", "2014-05-06T10:00",
        "2014/05", "abcd", "..", "2014...2015", "2014..x", "2014-", "-2014", "2014-05-"}) {
    auto r = ParseDateRange(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
      EXPECT_NE(r.status().message().find(std::string("'") + bad + "'"), std::string::npos);
    }
  }
  EXPECT_TRUE(ParseDateRange("2016-02-29").ok());
}

TEST(ParseDateRangeTest, IntersectTakesTheTightestBounds) {
  EXPECT_EQ(Intersect({{"20140101", ""}, {"", "20141231"}, {"20140501", "20151231"}}),
            (DateRange{"20140501", "20141231"}));
  EXPECT_EQ(Intersect({}), DateRange{});
}

}  // namespace
}  // namespace nsearch::search
