#include "cli/common.h"

#include <gtest/gtest.h>

namespace nsearch::cli {
namespace {

TEST(ParseSizeTest, UnitsAndJunk) {
  unsigned long long b = 0;
  EXPECT_TRUE(ParseSize("16M", &b));
  EXPECT_EQ(b, 16ull << 20);
  EXPECT_TRUE(ParseSize("1048576", &b));
  EXPECT_EQ(b, 1048576u);
  EXPECT_TRUE(ParseSize("2GiB", &b));
  EXPECT_EQ(b, 2ull << 30);
  EXPECT_FALSE(ParseSize("", &b));
  EXPECT_FALSE(ParseSize("-1", &b));  // stoull would take it as a huge number
  EXPECT_FALSE(ParseSize(" 5M", &b));
  EXPECT_FALSE(ParseSize("12 parsecs", &b));
  EXPECT_FALSE(ParseSize("17179869184G", &b));  // would wrap around to 0
}

TEST(ParseCountTest, DigitsOnly) {
  unsigned long long n = 7;
  EXPECT_TRUE(ParseCount("100000", &n));
  EXPECT_EQ(n, 100000u);
  EXPECT_TRUE(ParseCount("0", &n));
  EXPECT_EQ(n, 0u);
  for (const char* junk : {"", "-5", "+5", " 5", "5 ", "5k", "1e3", "99999999999999999999999"})
    EXPECT_FALSE(ParseCount(junk, &n)) << junk;
}

TEST(OneLineTest, CutsLongMessagesOnCharacterBoundaries) {
  EXPECT_EQ(OneLine("a\nb"), "a b");
  std::string s = "x" + std::string(400, '\xc3');  // continuation-like bytes
  std::string long_text;
  for (int i = 0; i < 200; ++i) long_text += "\u00fc";  // 2 bytes each
  std::string out = OneLine(long_text, 101);
  EXPECT_TRUE(out.ends_with("\u2026"));
  EXPECT_EQ((out.size() - 3) % 2, 0u);  // no half character before the ellipsis
}

}  // namespace
}  // namespace nsearch::cli
