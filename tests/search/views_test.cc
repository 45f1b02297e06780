// Searcher's views through Writer and Searcher: the whole article with its
// matches marked, the timeline, validation, and Refresh() across commits and
// generation switches.
#include <gtest/gtest.h>

#include <filesystem>

#include "index/generations.h"
#include "index/index_test_util.h"
#include "index/writer.h"
#include "nsearch/searcher.h"

namespace nsearch {
namespace {

using Spans = std::vector<std::pair<int, int>>;

Article MakeArticle(std::string id, std::string date,
                    std::vector<std::pair<ParagraphKind, std::string>> paras,
                    std::vector<Entity> entities = {}) {
  Article a;
  a.id = std::move(id);
  a.title = "Prisoner swap talks in " + a.id;
  a.date = std::move(date);
  a.source.file = a.id;
  a.source.content_hash = std::hash<std::string>()(a.id + a.date + paras[0].second);
  int n = 0;
  for (auto& [kind, text] : paras) a.paragraphs.push_back({++n, kind, std::move(text)});
  a.entities = std::move(entities);
  return a;
}

Article Dated(std::string id, std::string date) {
  return MakeArticle(std::move(id), std::move(date),
                     {{ParagraphKind::kBody, "Harbour cranes stood idle."}});
}

// The text of |text| that |spans| mark (ASCII test text: code points = bytes).
std::vector<std::string> Marked(const std::string& text, const Spans& spans) {
  std::vector<std::string> out;
  for (const auto& [b, e] : spans) out.push_back(text.substr(b, e - b));
  return out;
}

class ViewsTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing_util::FreshTestDir("nsearch-views"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Put(const std::vector<Article>& articles) {
    testing_util::PutArticles(dir_.string(), articles);
  }

  // Writes |articles| and finishes with a compacted next generation.
  void PutCompacted(const std::vector<Article>& articles) {
    auto w = index::Writer::Open(dir_.string());
    ASSERT_TRUE(w.ok()) << w.status().message();
    for (const auto& a : articles) ASSERT_TRUE((*w)->Put(index::BuildDocument(a), 100).ok());
    ASSERT_TRUE((*w)->Finish(true).ok());
  }

  std::unique_ptr<Searcher> Open() {
    auto s = Searcher::Open(dir_.string());
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(s.value()) : nullptr;
  }

  static SearchOptions Query(std::string q) {
    SearchOptions o;
    o.query = std::move(q);
    return o;
  }

  std::filesystem::path dir_;
};

TEST_F(ViewsTest, ArticleHasEveryParagraphWithItsKindAndEveryMatchMarked) {
  Put({MakeArticle("a.txt", "2025-07-03",
                   {{ParagraphKind::kHeading, "The swap"},
                    {ParagraphKind::kBody, "Both sides swapped prisoners at dawn."},
                    {ParagraphKind::kBody, "Nothing to see here."},
                    {ParagraphKind::kBoilerplate, "Swap your cookie settings"},
                    {ParagraphKind::kBody, "A second prisoner swap is planned."}},
                   {{EntityType::kPerson, "Sergei Lavrov", {"Lavrov"}, 2}})});
  auto s = Open();
  auto v = s->GetArticle("a.txt", Query("prisoner swap"));
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->id, "a.txt");
  EXPECT_EQ(v->date, "2025-07-03");
  ASSERT_EQ(v->paragraphs.size(), 5u);
  EXPECT_EQ(v->paragraphs[0].kind, ParagraphKind::kHeading);
  EXPECT_EQ(v->paragraphs[3].kind, ParagraphKind::kBoilerplate);
  EXPECT_EQ(Marked(v->title, v->title_highlights), (std::vector<std::string>{"Prisoner", "swap"}));
  EXPECT_EQ(Marked(v->paragraphs[0].text, v->paragraphs[0].highlights),
            (std::vector<std::string>{"swap"}));
  // Stems: "swapped" and "prisoners" match.
  EXPECT_EQ(Marked(v->paragraphs[1].text, v->paragraphs[1].highlights),
            (std::vector<std::string>{"swapped", "prisoners"}));
  EXPECT_TRUE(v->paragraphs[2].highlights.empty());
  EXPECT_TRUE(v->paragraphs[3].highlights.empty()) << "boilerplate is not searched";
  EXPECT_EQ(Marked(v->paragraphs[4].text, v->paragraphs[4].highlights),
            (std::vector<std::string>{"prisoner", "swap"}));
  EXPECT_EQ(v->matching_paragraphs, 3);
  ASSERT_EQ(v->entities.size(), 1u);
  EXPECT_EQ(v->entities[0].name, "Sergei Lavrov");
  EXPECT_EQ(v->entities[0].count, 2);

  SearchOptions all = Query("swap");
  all.include_boilerplate = true;
  v = s->GetArticle("a.txt", all);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(Marked(v->paragraphs[3].text, v->paragraphs[3].highlights),
            (std::vector<std::string>{"Swap"}));
}

TEST_F(ViewsTest, ArticlePhrasesAndEntityMentionsAreMarked) {
  Put({MakeArticle("a.txt", "",
                   {{ParagraphKind::kBody, "It takes two to tango, Lavrov said."},
                    {ParagraphKind::kBody, "Two ministers met; a tango followed."}},
                   {{EntityType::kPerson, "Sergei Lavrov", {"Lavrov"}, 1}})});
  auto s = Open();
  auto v = s->GetArticle("a.txt", Query("\"two to tango\""));
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(Marked(v->paragraphs[0].text, v->paragraphs[0].highlights),
            (std::vector<std::string>{"two to tango"}));
  EXPECT_TRUE(v->paragraphs[1].highlights.empty()) << "not the phrase";

  SearchOptions person;
  person.filters = {{EntityType::kPerson, "Lavrov"}};
  v = s->GetArticle("a.txt", person);
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(Marked(v->paragraphs[0].text, v->paragraphs[0].highlights),
            (std::vector<std::string>{"Lavrov"}));
}

TEST_F(ViewsTest, UnknownArticleIsNotFoundAndNoQueryMarksNothing) {
  Put({Dated("a.txt", "2025-01-01")});
  auto s = Open();
  auto missing = s->GetArticle("../a.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto v = s->GetArticle("a.txt");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->matching_paragraphs, 0);
  EXPECT_TRUE(v->title_highlights.empty());
}

TEST_F(ViewsTest, TimelineCountsMonthsWithGapsAndUndatedApart) {
  Put({Dated("a.txt", "2014-01-05"), Dated("b.txt", "2014-01-20T10:00:00"),
       Dated("c.txt", "2014-04-02"), Dated("d.txt", ""), Dated("e.txt", "2014-03-31")});
  auto t = Open()->Timeline(Query("harbour"));
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->unit, TimelineUnit::kMonth);
  std::vector<std::pair<std::string, int64_t>> got;
  for (const auto& p : t->periods) got.emplace_back(p.period, p.count);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, int64_t>>{
                     {"2014-01", 2}, {"2014-02", 0}, {"2014-03", 1}, {"2014-04", 1}}));
  EXPECT_EQ(t->undated, 1);
  EXPECT_EQ(t->articles, 5);
}

TEST_F(ViewsTest, TimelineIsPerDayForShortSpansAndFollowsFilters) {
  Put({Dated("a.txt", "2014-05-06"), Dated("b.txt", "2014-05-08"), Dated("c.txt", "2016-01-01"),
       Dated("d.txt", "")});
  auto s = Open();
  SearchOptions o = Query("harbour");
  o.since = "2014-05";
  o.until = "2014-05";
  auto t = s->Timeline(o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->unit, TimelineUnit::kDay);
  ASSERT_EQ(t->periods.size(), 3u);
  EXPECT_EQ(t->periods[0].period, "2014-05-06");
  EXPECT_EQ(t->periods[1].count, 0);
  EXPECT_EQ(t->undated, 0) << "a date filter leaves undated articles out";
  // Filters alone and an explicit unit.
  SearchOptions since;
  since.since = "2014";
  t = s->Timeline(since, TimelineUnit::kYear);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->periods.size(), 3u);
  EXPECT_EQ(t->periods[2].period, "2016");
  EXPECT_EQ(t->articles, 3);
}

TEST_F(ViewsTest, ValidationIsTheLibrarys) {
  Put({Dated("a.txt", "2014-05-06")});
  auto s = Open();
  SearchOptions negative = Query("harbour");
  negative.limit = -1;
  SearchOptions bad_date = Query("harbour");
  bad_date.until = "May 2014";
  SearchOptions blank = Query("   ");
  SearchOptions facets = Query("harbour");
  facets.facet_limit = -3;
  for (const SearchOptions& o : {negative, bad_date, blank, facets}) {
    EXPECT_EQ(Searcher::Validate(o).code(), StatusCode::kInvalidArgument);
    auto r = s->Search(o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().message();
    EXPECT_EQ(s->Timeline(o).status().code(), StatusCode::kInvalidArgument);
  }
  SearchOptions reversed = Query("harbour");
  reversed.since = "2015";
  reversed.until = "2014";
  EXPECT_TRUE(Searcher::Validate(reversed).ok()) << "matches nothing; not an error";
}

TEST_F(ViewsTest, RefreshSeesCommitsAndGenerationSwitches) {
  PutCompacted({Dated("a.txt", "2014-05-06")});
  auto s = Open();
  ASSERT_EQ(s->ArticleCount(), 1);
  auto same = s->Refresh();
  ASSERT_TRUE(same.ok());
  EXPECT_FALSE(*same);
  Put({Dated("b.txt", "2014-05-07")});  // a commit to the current generation
  ASSERT_TRUE(s->Refresh().ok());
  EXPECT_EQ(s->ArticleCount(), 2);
  // Two switches: the generation |s| had open is deleted by the second.
  const std::string before = index::CurrentGeneration(dir_.string());
  PutCompacted({Dated("c.txt", "2014-05-08")});
  PutCompacted({Dated("d.txt", "2014-05-09")});
  ASSERT_NE(index::CurrentGeneration(dir_.string()), before);
  ASSERT_FALSE(std::filesystem::exists(dir_ / before));
  auto changed = s->Refresh();
  ASSERT_TRUE(changed.ok()) << changed.status().message();
  EXPECT_TRUE(*changed);
  EXPECT_EQ(s->ArticleCount(), 4);
  auto r = s->Search(Query("harbour"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->total, 4);
}

}  // namespace
}  // namespace nsearch
