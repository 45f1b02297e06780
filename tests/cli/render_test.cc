#include "cli/render.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace nsearch::cli {
namespace {

TEST(ExcerptTest, ShortTextIsWholeWithMarkers) {
  EXPECT_EQ(Excerpt("a ceasefire now", {{2, 11}}, 100, "[", "]"), "a [ceasefire] now");
}

TEST(ExcerptTest, LongTextIsCutAroundMatchesOnWordBoundaries) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "word" + std::to_string(i) + " ";
  text += "ceasefire";
  for (int i = 0; i < 60; ++i) text += " tail" + std::to_string(i);
  const int at = static_cast<int>(text.find("ceasefire"));
  std::string out = Excerpt(text, {{at, at + 9}}, 80, "[", "]");
  EXPECT_NE(out.find("[ceasefire]"), std::string::npos);
  EXPECT_TRUE(out.starts_with("\u2026"));
  EXPECT_TRUE(out.ends_with("\u2026"));
  // Never mid-word: each piece between the ellipses is whole words.
  std::string inner = out.substr(3, out.size() - 6);
  EXPECT_NE(inner.front(), ' ');
  EXPECT_TRUE(inner.starts_with("word") || inner.starts_with("tail") || inner.starts_with("["));
  EXPECT_LE(static_cast<int>(inner.size()), 90);
}

TEST(ExcerptTest, TextWithoutSpacesIsStillShown) {
  std::string text;
  for (int i = 0; i < 480; ++i) text += "\u653f";  // one CJK character, 3 bytes
  std::string out = Excerpt(text, {{240, 242}}, 80, "[", "]");
  EXPECT_NE(out.find("[\u653f\u653f]"), std::string::npos);
  EXPECT_GT(out.size(), 60u * 3);
}

TEST(RenderJsonTest, ContractFieldNames) {
  SearchResponse r;
  r.query = "q";
  r.total = 1;
  Hit h;
  h.rank = 1;
  h.score = 2.5;
  h.path = "a.txt";
  h.title = "T";
  h.paragraph = 4;
  h.text = "Türkiye talks";
  h.highlights = {{0, 7}};
  h.more_passages = 2;
  r.hits.push_back(h);
  auto j = nlohmann::json::parse(RenderJson(r));
  EXPECT_EQ(j["query"], "q");
  EXPECT_EQ(j["total"], 1);
  const auto& hit = j["results"][0];
  for (const char* key :
       {"rank", "score", "path", "title", "paragraph", "text", "highlights", "more_passages"})
    EXPECT_TRUE(hit.contains(key)) << key;
  EXPECT_EQ(hit["highlights"][0][1], 7);
  EXPECT_FALSE(j.contains("facets"));
}

TEST(RenderTerminalTest, PlainMarkersWithoutColor) {
  SearchResponse r;
  Hit h;
  h.rank = 1;
  h.path = "a.txt";
  h.title = "Title";
  h.paragraph = 3;
  h.text = "prisoner swaps";
  h.highlights = {{9, 14}};
  r.hits.push_back(h);
  r.total = 1;
  std::string out = RenderTerminal(r, Style{false, 320});
  EXPECT_NE(out.find("[swaps]"), std::string::npos);
  EXPECT_NE(out.find("a.txt:3"), std::string::npos);
  EXPECT_EQ(out.find('\033'), std::string::npos);
  out = RenderTerminal(r, Style{true, 320});
  EXPECT_NE(out.find('\033'), std::string::npos);
}

// Counts taken over the best matches only say so; complete ones do not.
TEST(RenderTerminalTest, FacetsSayWhenCountedOverTheBestMatchesOnly) {
  Facets f;
  f.person = {{"Elena Voss", 12}};
  f.articles = 1000;
  f.sampled = true;
  std::string out = RenderFacetsTerminal(f, Style{false, 80});
  EXPECT_NE(out.find("persons: Elena Voss (12)"), std::string::npos) << out;
  EXPECT_NE(out.find("counted over the best 1000 matching articles"), std::string::npos) << out;
  f.sampled = false;
  out = RenderFacetsTerminal(f, Style{false, 80});
  EXPECT_EQ(out.find("counted over"), std::string::npos) << out;
}

}  // namespace
}  // namespace nsearch::cli
