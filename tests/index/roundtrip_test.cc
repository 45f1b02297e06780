// Writer and Searcher together: what goes in comes out ranked, collapsed,
// filtered and counted the way users see it.
#include <gtest/gtest.h>

#include <filesystem>

#include "index/index_test_util.h"
#include "index/writer.h"
#include "nsearch/searcher.h"

namespace nsearch {
namespace {

Article MakeArticle(std::string id, std::string title, std::vector<std::string> paras,
                    std::vector<Entity> entities = {}) {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.source.file = a.id;
  a.source.content_hash = std::hash<std::string>()(a.id + paras[0]);
  int n = 0;
  for (auto& p : paras) a.paragraphs.push_back({++n, ParagraphKind::kBody, std::move(p)});
  a.entities = std::move(entities);
  return a;
}

class RoundTripTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing_util::FreshTestDir("nsearch-rt"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Put(const std::vector<Article>& articles) {
    testing_util::PutArticles(dir_.string(), articles);
  }

  SearchResponse Search(const std::string& q, std::vector<EntityFilter> filters = {},
                        bool facets = false) {
    auto s = Searcher::Open(dir_.string());
    EXPECT_TRUE(s.ok());
    SearchOptions o;
    o.query = q;
    o.filters = std::move(filters);
    o.facets = facets;
    auto r = (*s)->Search(o);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r.value() : SearchResponse{};
  }

  std::filesystem::path dir_;
};

Entity Person(std::string name, int count = 1) {
  return Entity{EntityType::kPerson, name, {name}, count};
}

TEST_F(RoundTripTest, AllWordsPassageBeatsOneWordPassage) {
  Put({MakeArticle("a.txt", "Weather", {"The ceasefire held overnight across the region."}),
       MakeArticle("b.txt", "Diplomacy",
                   {"Delegates discussed a ceasefire in Istanbul on Monday."}),
       MakeArticle("c.txt", "Travel", {"Istanbul airport reopened after the storm passed."})});
  auto r = Search("ceasefire Istanbul");
  ASSERT_EQ(r.hits.size(), 3u);
  EXPECT_EQ(r.hits[0].path, "b.txt");
}

TEST_F(RoundTripTest, OneBestPassagePerArticleWithMoreCount) {
  Put({MakeArticle("a.txt", "Talks",
                   {"Talks on a ceasefire began.", "Nothing here.", "The ceasefire talks stalled.",
                    "Ceasefire hopes faded."})});
  auto r = Search("ceasefire");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].more_passages, 2);
  EXPECT_EQ(r.total, 1);
}

TEST_F(RoundTripTest, ReindexReplacesNotDuplicates) {
  Put({MakeArticle("a.txt", "T", {"First version mentions grain."})});
  Put({MakeArticle("a.txt", "T", {"Second version mentions grain exports."})});
  auto r = Search("grain");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_NE(r.hits[0].text.find("Second"), std::string::npos);
}

TEST_F(RoundTripTest, BoilerplateNotSearchedByDefault) {
  Article a = MakeArticle("a.txt", "T",
                          {"Real news about cookies in a bakery strike.",
                           "This website uses cookies to improve your experience."});
  a.paragraphs[1].kind = ParagraphKind::kBoilerplate;
  Put({a});
  auto r = Search("website");
  EXPECT_TRUE(r.hits.empty());
  auto s = Searcher::Open(dir_.string());
  SearchOptions o;
  o.query = "website";
  o.include_boilerplate = true;
  auto r2 = (*s)->Search(o);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->hits.size(), 1u);
}

TEST_F(RoundTripTest, TitleMatchCountsForSomething) {
  Put({MakeArticle("a.txt", "Odesa grain deal", {"Ships left port with wheat and grain."}),
       MakeArticle("b.txt", "Weather report", {"Ships left port with wheat and grain."})});
  auto r = Search("grain");
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].path, "a.txt");
}

TEST_F(RoundTripTest, HeadlineWordsFindTheArticleWhenNoPassageHoldsThem) {
  Put({MakeArticle("a.txt", "Bombshell memo rattles the talks",
                   {"Negotiators met again on Monday.", "A second paragraph."}),
       MakeArticle("b.txt", "Weather", {"Rain fell on the talks."})});
  auto r = Search("bombshell");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].path, "a.txt");
  EXPECT_TRUE(r.hits[0].title_match);
  EXPECT_EQ(r.hits[0].paragraph, 1);  // shown by its first body paragraph
  // The title is part of the article: a headline word finds it beside the
  // articles whose passages hold it, and only it is marked as a title match.
  r = Search("talks");
  ASSERT_EQ(r.hits.size(), 2u);
  for (const auto& h : r.hits) EXPECT_EQ(h.title_match, h.path == "a.txt") << h.path;
  // Exclusions are per article: a's headline holds bombshell, no word of a
  // holds rain.
  r = Search("bombshell -rain");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].path, "a.txt");
  EXPECT_TRUE(Search("bombshell -negotiators").hits.empty());
}

TEST_F(RoundTripTest, HeadlineMatchesPageLikeAnyOther) {
  std::vector<Article> articles;
  for (int i = 0; i < 12; ++i)
    articles.push_back(MakeArticle("b" + std::to_string(i) + ".txt",
                                   "Bombshell number " + std::to_string(i),
                                   {"Body text " + std::to_string(i) + " without the word."}));
  Put(articles);
  auto s = Searcher::Open(dir_.string());
  SearchOptions o;
  o.query = "bombshell";
  o.offset = 10;
  auto r = (*s)->Search(o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 12);
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].rank, 11);
}

TEST_F(RoundTripTest, PhraseQueryMatchesOnlyTheSequence) {
  Put({MakeArticle("a.txt", "T", {"It takes two to tango, he said."}),
       MakeArticle("b.txt", "T", {"Two dancers went to tango class."})});
  auto r = Search("\"two to tango\"");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].path, "a.txt");
}

TEST_F(RoundTripTest, FacetsCountArticlesNotParagraphs) {
  Put({MakeArticle("a.txt", "T", {"Sanctions one.", "Sanctions two.", "Sanctions three."},
                   {Person("Sergei Lavrov", 3)}),
       MakeArticle("b.txt", "T", {"Sanctions again."},
                   {Person("Sergei Lavrov"), Person("Marco Rubio")})});
  auto r = Search("sanctions", {}, true);
  ASSERT_TRUE(r.has_facets);
  ASSERT_GE(r.facets.person.size(), 2u);
  EXPECT_EQ(r.facets.person[0].name, "Sergei Lavrov");
  EXPECT_EQ(r.facets.person[0].count, 2);
  EXPECT_EQ(r.facets.person[1].count, 1);
}

TEST_F(RoundTripTest, SeveralIndexesSearchAsOne) {
  Put({MakeArticle("a.txt", "T", {"Grain ships left Odesa."})});
  const auto second = dir_.string() + "-second";
  std::filesystem::remove_all(second);
  testing_util::PutArticles(second,
                            {MakeArticle("b.txt", "T", {"More grain ships left Odesa today."})});
  auto s = Searcher::Open(std::vector<std::string>{dir_.string(), second});
  ASSERT_TRUE(s.ok()) << s.status().message();
  SearchOptions o;
  o.query = "grain Odesa";
  auto r = (*s)->Search(o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->hits.size(), 2u);
  EXPECT_EQ((*s)->ArticleCount(), 2);
  auto bad = Searcher::Open(std::vector<std::string>{dir_.string(), second + "-missing"});
  EXPECT_EQ(bad.status().code(), StatusCode::kNotFound);
  std::filesystem::remove_all(second);
}

TEST_F(RoundTripTest, OverlongTermsAreLeftOutNotFatal) {
  Article a = MakeArticle("long.txt", "T", {std::string(300, 'x') + " grain exports resumed"},
                          {Person(std::string(300, 'N'))});
  for (int i = 0; i < 20; ++i) a.author += "Author Number" + std::to_string(i) + " and ";
  Put({a, MakeArticle("ok.txt", "T", {"More grain."})});
  auto r = Search("grain");
  EXPECT_EQ(r.hits.size(), 2u);
}

TEST_F(RoundTripTest, TitleOnlyArticleIsOnePassage) {
  Article a = MakeArticle("brief.jsonl:1", "Explosion near Kharkiv station", {"x"});
  a.paragraphs.clear();
  Put({a});
  auto r = Search("explosion");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].paragraph, 0);
  EXPECT_EQ(r.hits[0].text, "Explosion near Kharkiv station");
}

TEST_F(RoundTripTest, MissingIndexIsNotFound) {
  auto s = Searcher::Open((dir_ / "nope").string());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
  EXPECT_NE(s.status().message().find("nsearch-index"), std::string::npos);
}

}  // namespace
}  // namespace nsearch

namespace nsearch {
namespace {

TEST(GenerationTest, AnOpenSearcherFollowsANewGeneration) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("nsearch-gen-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  testing_util::PutArticles(dir.string(), {MakeArticle("a.txt", "T", {"Grain ships left Odesa."})});
  auto s = Searcher::Open(dir.string());
  ASSERT_TRUE(s.ok());
  SearchOptions o;
  o.query = "grain";
  ASSERT_EQ((*s)->Search(o)->hits.size(), 1u);
  {
    auto w = index::Writer::Open(dir.string());
    ASSERT_TRUE(w.ok());
    Article b = MakeArticle("b.txt", "T", {"More grain today."});
    ASSERT_TRUE((*w)->Put(index::BuildDocument(b), 20).ok());
    ASSERT_TRUE((*w)->Finish(/*compact=*/true).ok());  // a new generation; the old one goes
  }
  auto r = (*s)->Search(o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->hits.size(), 2u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace nsearch
