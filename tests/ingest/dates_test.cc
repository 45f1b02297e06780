#include "ingest/dates.h"

#include <gtest/gtest.h>

namespace nsearch::ingest {
namespace {

TEST(DatesTest, IsoAndRfc3339) {
  EXPECT_EQ(NormalizeDate("2013-11-02"), "2013-11-02");
  EXPECT_EQ(NormalizeDate("2013-11-02T15:45:00Z"), "2013-11-02T15:45:00Z");
  EXPECT_EQ(NormalizeDate("2013-11-02T15:45:00.123+01:00"), "2013-11-02T15:45:00+01:00");
  EXPECT_EQ(NormalizeDate("2013-11-02 15:45"), "2013-11-02T15:45:00");
  EXPECT_EQ(NormalizeDate(" 2024-02-29 "), "2024-02-29");
}

TEST(DatesTest, GothamistStyleMonthNameWithTwelveHourClock) {
  EXPECT_EQ(NormalizeDate("Nov 2, 2013 3:45 pm"), "2013-11-02T15:45:00");
  EXPECT_EQ(NormalizeDate("Aug 31, 2010 12:05 am"), "2010-08-31T00:05:00");
  EXPECT_EQ(NormalizeDate("Dec 1, 2019 12:30 pm"), "2019-12-01T12:30:00");
}

TEST(DatesTest, Rfc822AndWrittenForms) {
  EXPECT_EQ(NormalizeDate("Sat, 02 Nov 2013 15:45:00 +0000"), "2013-11-02T15:45:00Z");
  EXPECT_EQ(NormalizeDate("Tue, 10 Jun 2003 04:00:00 GMT"), "2003-06-10T04:00:00Z");
  EXPECT_EQ(NormalizeDate("Mon, 3 Mar 2025 09:00:00 -0500"), "2025-03-03T09:00:00-05:00");
  EXPECT_EQ(NormalizeDate("2 November 2013"), "2013-11-02");
  EXPECT_EQ(NormalizeDate("September 14th, 2021"), "2021-09-14");
}

TEST(DatesTest, NumericForms) {
  EXPECT_EQ(NormalizeDate("2013/11/02"), "2013-11-02");
  EXPECT_EQ(NormalizeDate("02.11.2013"), "2013-11-02");
  EXPECT_EQ(NormalizeDate("11/02/2013"), "2013-11-02");  // US month/day
  EXPECT_EQ(NormalizeDate("25/12/2013"), "2013-12-25");  // day > 12: day first
  EXPECT_EQ(NormalizeDate("20131102"), "2013-11-02");
}

TEST(DatesTest, UnixTimestamps) {
  EXPECT_EQ(NormalizeDate("1383407100"), "2013-11-02T15:45:00Z");
  EXPECT_EQ(NormalizeDate("1383407100000"), "2013-11-02T15:45:00Z");
  EXPECT_EQ(FormatEpoch(0), "1970-01-01T00:00:00Z");
}

TEST(DatesTest, UnreadableDatesAreDroppedNotGuessed) {
  EXPECT_EQ(NormalizeDate(""), "");
  EXPECT_EQ(NormalizeDate("yesterday"), "");
  EXPECT_EQ(NormalizeDate("2013-02-30"), "");
  EXPECT_EQ(NormalizeDate("13/13/2013"), "");
  EXPECT_EQ(NormalizeDate("Nov 2013 banana 4"), "");
  EXPECT_EQ(NormalizeDate("99999999999999999999"), "");
  EXPECT_EQ(NormalizeDate("25:00 Nov 2, 2013"), "");
}

}  // namespace
}  // namespace nsearch::ingest
