#include "search/query.h"

#include <gtest/gtest.h>

#include "search/highlight.h"

namespace nsearch::search {
namespace {

std::string Marked(const std::string& text, const ParsedQuery& q) {
  auto spans = HighlightQuery(text, q.highlight_words, q.highlight_phrases);
  std::string out;
  int cp = 0;
  size_t span = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool start = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (start) {
      if (span < spans.size() && cp == spans[span].second) out += "]", ++span;
      if (span < spans.size() && cp == spans[span].first) out += "[";
      ++cp;
    }
    out += text[i];
  }
  if (span < spans.size() && cp == spans[span].second) out += "]";
  return out;
}

TEST(NormalizeQueryTextTest, FoldsWordsKeepsOperators) {
  EXPECT_EQ(NormalizeQueryText("Türkiye AND \"Foreign Minister\" -Kiev"),
            "turkiye AND \"foreign minister\" -kiev");
  EXPECT_EQ(NormalizeQueryText("+ceasefire (Istanbul OR Ankara)"),
            "+ceasefire (istanbul OR ankara)");
  EXPECT_EQ(NormalizeQueryText("30-day U.S. plan"), "30-day us plan");
  EXPECT_EQ(NormalizeQueryText("title:Talks"), "title:talks");
}

TEST(ExtractFieldFiltersTest, PullsEntityFields) {
  std::vector<EntityFilter> f;
  std::string rest = ExtractFieldFilters("person:\"Marco Rubio\" Istanbul place:Kyiv", &f);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].type, EntityType::kPerson);
  EXPECT_EQ(f[0].name, "Marco Rubio");
  EXPECT_EQ(f[1].type, EntityType::kPlace);
  EXPECT_EQ(f[1].name, "Kyiv");
  EXPECT_EQ(rest.find("person"), std::string::npos);
  EXPECT_EQ(rest.find("Kyiv"), std::string::npos);
  EXPECT_NE(rest.find("Istanbul"), std::string::npos);
}

TEST(ParseQueryTest, StrayQuotesAndOperatorsNeverFail) {
  for (const char* q : {"\"ceasefire", "AND", "ceasefire AND", "((", "-", "\"\"", "OR OR NOT", "+",
                        "ceasefire )(", "NEAR/3", "title:"}) {
    ParsedQuery pq = ParseQuery(q);  // must not throw
    (void)pq;
  }
  EXPECT_FALSE(ParseQuery("\"ceasefire Istanbul").text.empty());
  EXPECT_FALSE(ParseQuery("ceasefire AND").text.empty());
}

TEST(ParseQueryTest, HugeQueriesDoNotOverflowTheStack) {
  // std::regex used to recurse per character here and crash.
  const std::string field = "person:" + std::string(200000, 'a');
  std::vector<EntityFilter> f;
  ExtractFieldFilters(field, &f);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].name.size(), 200000u);
  std::string words;
  for (int i = 0; i < 20000; ++i) words += "\"w" + std::to_string(i) + " ";
  EXPECT_FALSE(ParseQuery(words).text.empty());
}

TEST(ExtractFieldFiltersTest, QuotedValuesCaseAndEmptyFields) {
  std::vector<EntityFilter> f;
  std::vector<std::string> dates, authors;
  std::string rest = ExtractFieldFilters(
      "PERSON:\"Ursula von der Leyen\" org: place:\"Kyiv author:x date:2014", &f, &dates, &authors);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].name, "Ursula von der Leyen");
  EXPECT_EQ(f[1].type, EntityType::kPlace);
  EXPECT_EQ(f[1].name, "Kyiv author:x date:2014");  // an unclosed quote runs to the end
  EXPECT_NE(rest.find("org:"), std::string::npos);  // nothing after the colon: plain text
  EXPECT_TRUE(dates.empty());
}

TEST(ParseQueryTest, EmptyWhenOnlyFilters) {
  ParsedQuery pq = ParseQuery("person:Lavrov");
  EXPECT_TRUE(pq.text.empty());
  EXPECT_EQ(pq.filters.size(), 1u);
}

TEST(HighlightTest, StemsMatchInflections) {
  ParsedQuery q = ParseQuery("prisoner swap");
  EXPECT_EQ(Marked("Past meetings led to some prisoner swaps.", q),
            "Past meetings led to some [prisoner] [swaps].");
}

TEST(HighlightTest, PhraseHighlightsOnlyTheSequence) {
  ParsedQuery q = ParseQuery("\"two to tango\"");
  EXPECT_EQ(Marked("It takes two to tango, so we have to wait.", q),
            "It takes [two to tango], so we have to wait.");
}

TEST(HighlightTest, ExcludedWordsAreNotHighlighted) {
  ParsedQuery q = ParseQuery("ceasefire -Istanbul");
  EXPECT_EQ(Marked("A ceasefire in Istanbul.", q), "A [ceasefire] in Istanbul.");
  q = ParseQuery("ceasefire NOT Istanbul");
  EXPECT_EQ(Marked("A ceasefire in Istanbul.", q), "A [ceasefire] in Istanbul.");
}

TEST(HighlightTest, StopWordsAreNotHighlightedUnlessAlone) {
  ParsedQuery q = ParseQuery("the ceasefire in Istanbul");
  EXPECT_EQ(Marked("The ceasefire held in Istanbul.", q), "The [ceasefire] held in [Istanbul].");
  q = ParseQuery("\"held in Istanbul\"");
  EXPECT_EQ(Marked("The ceasefire held in Istanbul.", q), "The ceasefire [held in Istanbul].");
  q = ParseQuery("the who");
  EXPECT_EQ(Marked("A concert by the Who.", q), "A concert by [the] [Who].");
}

TEST(HighlightTest, AccentInsensitive) {
  ParsedQuery q = ParseQuery("Turkiye");
  EXPECT_EQ(Marked("Türkiye’s minister", q), "[Türkiye’s] minister");
}

TEST(HighlightPhrasesTest, EntityMentionsIncludingPossessive) {
  auto spans = HighlightPhrases("Lavrov said Sergei Lavrov’s plan", {"Lavrov", "Sergei Lavrov"});
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], std::make_pair(0, 6));
  EXPECT_EQ(spans[1], std::make_pair(12, 27));
}

}  // namespace
}  // namespace nsearch::search
