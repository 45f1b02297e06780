#include "text/normalize.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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

std::string Describe(const std::vector<Token>& tokens) {
  std::string out;
  for (const auto& t : tokens)
    out += t.term + "@" + std::to_string(t.begin) + "-" + std::to_string(t.end) + "/" +
           std::to_string(t.byte_begin) + "-" + std::to_string(t.byte_end) + " ";
  return out;
}

// The fast path and ICU's break iterator must agree on every text: random
// strings over the characters where word-break rules differ, and the
// project's own article fixtures.
TEST(TokenizeTest, FastPathMatchesIcu) {
  const std::vector<std::string> pieces = {
      "a",      "Z",          "\u00e9", "\u00df",     "7",      "0",      ".",      ",",
      ";",      ":",          "'",      "\u2019",     "\u2018", "_",      "-",      " ",
      "\t",     "\n",         "\u00a0", "\u00ad",     "\u0301", "\u2014", "\u2026", "(",
      ")",      "/",          "@",      "$",          "%",      "\u201c", "\u201d", "\u00b7",
      "\u2024", "\ufe52",     "\uff0e", "\u0436",     "\u03a9", "\u0628", "\u0660", "\u00bd",
      "\u2070", "\xff",       "\xc3",   "\u200b",     "\u2060", "\u0903", "\u05d0", "\u4e2d",
      "\u0e01", "\U0001F600", "\u200d", "\U0001F1FA", "\u3042", "\"",     "\r",     "\u2028",
      "\u0085", "\u202f",     "\u2063"};
  uint64_t state = 42;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>(state >> 33);
  };
  // Highlighting's spans are the tokens' places, the same ones.
  auto spans = [](const std::vector<Token>& tokens) {
    std::vector<std::pair<int32_t, int32_t>> out;
    for (const auto& t : tokens) out.emplace_back(t.begin, t.end);
    return out;
  };
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const size_t n = 1 + next() % 12;
    for (size_t i = 0; i < n; ++i) text += pieces[next() % pieces.size()];
    ASSERT_EQ(Describe(Tokenize(text)), Describe(TokenizeWithIcu(text))) << "text: " << text;
    ASSERT_EQ(TokenSpans(text), spans(Tokenize(text))) << "text: " << text;
  }
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::string(NSEARCH_FIXTURES))) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      ASSERT_EQ(Describe(Tokenize(line)), Describe(TokenizeWithIcu(line))) << entry.path();
      ASSERT_EQ(TokenSpans(line), spans(Tokenize(line))) << entry.path();
    }
  }
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
