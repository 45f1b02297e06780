// search/json: the field names of the views' JSON (docs/json.md).
#include "search/json.h"

#include <gtest/gtest.h>

namespace nsearch::search {
namespace {

TEST(JsonTest, ArticleViewFields) {
  ArticleView v;
  v.id = "a.txt";
  v.title = "T";
  v.title_highlights = {{0, 1}};
  v.paragraphs = {{1, ParagraphKind::kBoilerplate, "Cookies", {}},
                  {2, ParagraphKind::kBody, "Swap", {{0, 4}}}};
  v.entities = {{EntityType::kPerson, "Sergei Lavrov", {}, 3}};
  v.matching_paragraphs = 1;
  const auto j = ArticleViewJson(v);
  EXPECT_EQ(j["path"], "a.txt");
  EXPECT_EQ(j["title_highlights"][0][1], 1);
  EXPECT_EQ(j["paragraphs"][0]["kind"], "boilerplate");
  EXPECT_EQ(j["paragraphs"][1]["highlights"][0][1], 4);
  EXPECT_EQ(j["entities"]["person"][0]["count"], 3);
  EXPECT_TRUE(j["entities"]["org"].empty());
  EXPECT_EQ(j["matching_paragraphs"], 1);
  EXPECT_FALSE(j.contains("date")) << "only when the article has one";
}

TEST(JsonTest, TimelineFields) {
  TimelineCounts t;
  t.unit = TimelineUnit::kDay;
  t.periods = {{"2014-05-06", 2}};
  t.undated = 1;
  t.articles = 3;
  const auto j = TimelineJson(t);
  EXPECT_EQ(j["timeline"][0]["period"], "2014-05-06");
  EXPECT_EQ(j["timeline"][0]["count"], 2);
  EXPECT_EQ(j["undated"], 1);
  EXPECT_EQ(j["articles"], 3);
  EXPECT_EQ(j["unit"], "day");
}

TEST(JsonTest, DumpReplacesInvalidUtf8) {
  EXPECT_EQ(Dump(nlohmann::json("a\xff")), "\"a\xEF\xBF\xBD\"");
}

}  // namespace
}  // namespace nsearch::search
