#include "text/normalize.h"

#include <gtest/gtest.h>

namespace nsearch::text {
namespace {

std::vector<std::string> Terms(std::string_view s) {
  std::vector<std::string> out;
  for (auto& t : Tokenize(s)) out.push_back(t.term);
  return out;
}

TEST(FoldTest, AccentsAndCaseFoldAway) {
  EXPECT_EQ(Fold("Türkiye"), "turkiye");
  EXPECT_EQ(Fold("TURKIYE"), "turkiye");
  EXPECT_EQ(Fold("Zelenskyy"), "zelenskyy");
  EXPECT_EQ(Fold("Ústí"), "usti");
}

TEST(FoldTest, CompatibilityFormsNormalise) {
  EXPECT_EQ(Fold("ﬁnance"), "finance");  // ligature
  EXPECT_EQ(Fold("Ｋｙｉｖ"), "kyiv");   // full-width letters
}

TEST(FoldTest, CurlyApostropheBecomesAscii) {
  EXPECT_EQ(Fold("Trump\u2019s"), "trump's");
  EXPECT_EQ(Fold("Trump's"), "trump's");
}

TEST(FoldTest, AcronymDotsDrop) {
  EXPECT_EQ(Fold("U.S."), "us");
  EXPECT_EQ(Fold("1,000"), "1000");
}

TEST(TokenizeTest, SplitsOnSpacesPunctuationAndHyphens) {
  EXPECT_EQ(Terms("Putin–Zelensky meeting, in Istanbul!"),
            (std::vector<std::string>{"putin", "zelensky", "meeting", "in", "istanbul"}));
  EXPECT_EQ(Terms("a 30-day ceasefire"), (std::vector<std::string>{"a", "30", "day", "ceasefire"}));
}

TEST(TokenizeTest, OffsetsAreCodePoints) {
  const std::string s = "Türkiye’s minister";
  auto tokens = Tokenize(s);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].term, "turkiye's");
  EXPECT_EQ(tokens[0].begin, 0);
  EXPECT_EQ(tokens[0].end, 9);  // T ü r k i y e ’ s
  EXPECT_EQ(tokens[1].begin, 10);
  EXPECT_EQ(tokens[1].end, 18);
  EXPECT_EQ(s.substr(tokens[1].byte_begin, tokens[1].byte_end - tokens[1].byte_begin), "minister");
}

TEST(TokenizeTest, InvalidUtf8KeepsOffsetsInsideTheInput) {
  const std::string bad = "ok \xff\xfe words \xc3 end";
  auto tokens = Tokenize(bad);
  ASSERT_GE(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].term, "ok");
  for (const auto& t : tokens) {
    ASSERT_LE(t.byte_end, bad.size());
    EXPECT_EQ(bad.substr(t.byte_begin, t.byte_end - t.byte_begin), t.term);
  }
  EXPECT_EQ(tokens[1].term, "words");
  EXPECT_EQ(tokens[1].begin, 6);  // o k ' ' FFFD FFFD ' '
}

TEST(CollapseSpaceTest, NbspAndNewlinesCollapse) {
  EXPECT_EQ(CollapseSpace("  a\u00a0\u00a0b\n\tc  "), "a b c");
  EXPECT_EQ(CollapseSpace("\u00a0"), "");
}

TEST(CodePointTest, CountsAndOffsets) {
  EXPECT_EQ(CodePointCount("Tür"), 3);
  EXPECT_EQ(ByteOffsetOfCodePoint("Tür", 2), 3u);
  EXPECT_EQ(ByteOffsetOfCodePoint("Tür", 9), 4u);
}

}  // namespace
}  // namespace nsearch::text
