// date: and author: in the query language, and the date values they take.
#include "search/filters.h"

#include <gtest/gtest.h>

#include "search/query.h"

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

TEST(ExtractFieldFiltersTest, PullsDateAndAuthorFields) {
  std::vector<EntityFilter> entities;
  std::vector<std::string> dates, authors;
  const std::string rest = ExtractFieldFilters(
      "subway date:2014..2015 author:\"Jen Chung\" "
      "person:Lavrov AUTHOR:yakas Date:2014-05 fares",
      &entities, &dates, &authors);
  EXPECT_EQ(dates, (std::vector<std::string>{"2014..2015", "2014-05"}));
  EXPECT_EQ(authors, (std::vector<std::string>{"Jen Chung", "yakas"}));
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].name, "Lavrov");
  for (const char* gone : {"date", "2014", "author", "Chung", "yakas", "Lavrov"})
    EXPECT_EQ(rest.find(gone), std::string::npos) << gone << " in " << rest;
  EXPECT_NE(rest.find("subway"), std::string::npos);
  EXPECT_NE(rest.find("fares"), std::string::npos);
}

TEST(ExtractFieldFiltersTest, DateAndAuthorStayInTextWithoutSinks) {
  std::vector<EntityFilter> entities;
  const std::string rest = ExtractFieldFilters("date:2014 author:chung place:Kyiv", &entities);
  EXPECT_NE(rest.find("date:2014"), std::string::npos);
  EXPECT_NE(rest.find("author:chung"), std::string::npos);
  EXPECT_EQ(entities.size(), 1u);
}

TEST(ParseQueryTest, DateAndAuthorFieldsAreFiltersNotWords) {
  ParsedQuery pq = ParseQuery("date:2014 author:chung");
  EXPECT_TRUE(pq.text.empty());
  EXPECT_EQ(pq.dates, std::vector<std::string>{"2014"});
  EXPECT_EQ(pq.authors, std::vector<std::string>{"chung"});

  pq = ParseQuery("subway date:2014-05-06");
  EXPECT_FALSE(pq.text.empty());
  EXPECT_EQ(pq.stems, std::vector<std::string>{"subway"});
  EXPECT_TRUE(pq.highlight_words == std::vector<std::string>{"subway"});
}

TEST(ParseQueryTest, EmptyFieldValuesAreIgnored) {
  ParsedQuery pq = ParseQuery("author:\"\" date:\"\" subway");
  EXPECT_TRUE(pq.dates.empty());
  EXPECT_TRUE(pq.authors.empty());
  EXPECT_FALSE(pq.text.empty());
}

}  // namespace
}  // namespace nsearch::search
