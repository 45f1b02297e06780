// Date and author filters and the date sorts, through Writer and Searcher:
// what users filter on comes back filtered, ordered and collapsed right.
#include <gtest/gtest.h>

#include <filesystem>

#include "index/index_test_util.h"
#include "index/writer.h"
#include "nsearch/searcher.h"

namespace nsearch {
namespace {

Article MakeArticle(std::string id, std::string date, std::string author,
                    std::vector<std::string> paras,
                    ParagraphKind first_kind = ParagraphKind::kBody) {
  Article a;
  a.id = std::move(id);
  a.title = "Story " + a.id;
  a.date = std::move(date);
  a.author = std::move(author);
  a.source.file = a.id;
  a.source.content_hash = std::hash<std::string>()(a.id + paras[0]);
  int n = 0;
  for (auto& p : paras)
    a.paragraphs.push_back({++n, n == 1 ? first_kind : ParagraphKind::kBody, std::move(p)});
  return a;
}

class DateFilterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::FreshTestDir("nsearch-date");
    Put({MakeArticle("a13.txt", "2013-03-01T09:00:00", "Jen Chung",
                     {"Subway fares rose again.", "Commuters grumbled on the platform."}),
         MakeArticle("b14.txt", "2014-05-06", "Ben Yakas",
                     {"A subway station reopened in May.", "Trains run late."}),
         MakeArticle("c14.txt", "2014-12-31T23:59:00", "Jen Carlson",
                     {"New Year subway service was announced.", "Fireworks at midnight."}),
         MakeArticle("d.txt", "", "", {"An undated subway story.", "No byline either."}),
         MakeArticle("e15.txt", "2015-01-01", "Jen Chung and Ben Yakas",
                     {"Crowds filled the subway on New Year's Day.", "Quiet streets."})});
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Put(const std::vector<Article>& articles) {
    testing_util::PutArticles(dir_.string(), articles);
  }

  Result<SearchResponse> Run(SearchOptions o) {
    auto s = Searcher::Open(dir_.string());
    if (!s.ok()) return s.status();
    return (*s)->Search(o);
  }

  // Paths of the hits, in order; fails the test on an error.
  std::vector<std::string> Paths(SearchOptions o) {
    auto r = Run(std::move(o));
    EXPECT_TRUE(r.ok()) << r.status().message();
    std::vector<std::string> out;
    if (r.ok())
      for (const auto& h : r->hits) out.push_back(h.path);
    return out;
  }

  static SearchOptions Query(std::string q) {
    SearchOptions o;
    o.query = std::move(q);
    return o;
  }

  std::filesystem::path dir_;
};

using Ids = std::vector<std::string>;

TEST_F(DateFilterTest, SinceUntilAreInclusiveAndDropUndated) {
  SearchOptions o = Query("subway");
  o.sort = SortOrder::kOldest;
  o.since = "2014";
  o.until = "2014";
  EXPECT_EQ(Paths(o), (Ids{"b14.txt", "c14.txt"}));
  o.since = "2014-05-06";
  o.until = "2014-05-06";
  EXPECT_EQ(Paths(o), (Ids{"b14.txt"}));
  o.since = "";
  o.until = "2014-05";
  EXPECT_EQ(Paths(o), (Ids{"a13.txt", "b14.txt"}));
  o.since = "2014-12-31";
  o.until = "";
  EXPECT_EQ(Paths(o), (Ids{"c14.txt", "e15.txt"}));
  o.since = "2015";
  o.until = "2014";
  EXPECT_TRUE(Paths(o).empty());
}

TEST_F(DateFilterTest, DateFieldInQuery) {
  SearchOptions o = Query("subway date:2014..2015");
  o.sort = SortOrder::kOldest;
  EXPECT_EQ(Paths(o), (Ids{"b14.txt", "c14.txt", "e15.txt"}));
  o.query = "subway date:2014-12";
  EXPECT_EQ(Paths(o), (Ids{"c14.txt"}));
  o.query = "date:..2013 subway";
  EXPECT_EQ(Paths(o), (Ids{"a13.txt"}));
  // A field and a flag both hold.
  o.query = "subway date:2014..2015";
  o.until = "2014-06";
  EXPECT_EQ(Paths(o), (Ids{"b14.txt"}));
}

TEST_F(DateFilterTest, BadDatesAreInvalidArguments) {
  for (auto [field, value] : {std::pair{"since", "2014-13"}, std::pair{"until", "May 2014"},
                              std::pair{"since", "2014..2015"}, std::pair{"date", "2014-02-30"}}) {
    SearchOptions o = Query("subway");
    if (std::string(field) == "since") o.since = value;
    if (std::string(field) == "until") o.until = value;
    if (std::string(field) == "date") o.query += std::string(" date:") + value;
    auto r = Run(o);
    ASSERT_FALSE(r.ok()) << field << " " << value;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find(field), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find(value), std::string::npos) << r.status().message();
  }
}

TEST_F(DateFilterTest, SortByDateUndatedLast) {
  SearchOptions o = Query("subway");
  o.sort = SortOrder::kNewest;
  EXPECT_EQ(Paths(o), (Ids{"e15.txt", "c14.txt", "b14.txt", "a13.txt", "d.txt"}));
  o.sort = SortOrder::kOldest;
  EXPECT_EQ(Paths(o), (Ids{"a13.txt", "b14.txt", "c14.txt", "e15.txt", "d.txt"}));
  auto r = Run(o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sort, SortOrder::kOldest);
}

// Sorted by date, a newer passage holding one word of "new year subway" does
// not come before older ones holding them all; with no passage holding them
// all, any word matches again.
TEST_F(DateFilterTest, DateSortMatchesAllWordsThenFallsBack) {
  SearchOptions o = Query("new year subway");
  o.sort = SortOrder::kNewest;
  EXPECT_EQ(Paths(o), (Ids{"e15.txt", "c14.txt"}));
  o = Query("fireworks grumbled");
  o.sort = SortOrder::kNewest;
  EXPECT_EQ(Paths(o), (Ids{"c14.txt", "a13.txt"}));
}

// Collapsing keeps the first passage of each article in sort order; under a
// date sort an article's passages tie on date, so relevance must pick it.
TEST_F(DateFilterTest, DateSortKeepsBestPassageAndRanksTiesByRelevance) {
  Put({MakeArticle("f.txt", "2016-01-01", "Nell Casey",
                   {"A tunnel was mentioned once.", "Nothing here.",
                    "Tunnel tunnel tunnel: the tunnel flooded, the tunnel closed."}),
       MakeArticle("g.txt", "2016-01-01", "Nell Casey",
                   {"Tunnel tunnel tunnel tunnel: the tunnel tunnel reopened.", "Unrelated."}),
       MakeArticle("h.txt", "2016-01-01", "Nell Casey", {"The tunnel is long.", "Unrelated."}),
       MakeArticle("i.txt", "2012-01-01", "Nell Casey",
                   {"Tunnel tunnel tunnel tunnel tunnel tunnel tunnel.", "Unrelated."})});
  for (SortOrder order : {SortOrder::kRelevance, SortOrder::kNewest, SortOrder::kOldest}) {
    SearchOptions o = Query("tunnel");
    o.sort = order;
    auto r = Run(o);
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_EQ(r->hits.size(), 4u);
    for (const auto& h : r->hits) {
      if (h.path == "f.txt") {
        EXPECT_EQ(h.paragraph, 3) << "sort " << static_cast<int>(order);
        EXPECT_EQ(h.more_passages, 1);
      }
    }
    if (order == SortOrder::kNewest) {
      // Same day: the best match first; the older article last.
      EXPECT_EQ(r->hits[0].path, "g.txt");
      EXPECT_EQ(r->hits[2].path, "h.txt");
      EXPECT_EQ(r->hits[3].path, "i.txt");
      EXPECT_GE(r->hits[0].score, r->hits[1].score);
      EXPECT_GE(r->hits[1].score, r->hits[2].score);
    }
    if (order == SortOrder::kOldest) EXPECT_EQ(r->hits[0].path, "i.txt");
  }
}

TEST_F(DateFilterTest, AuthorOneWordMatchesAnyNameWithThatWord) {
  SearchOptions o = Query("subway");
  o.sort = SortOrder::kOldest;
  o.authors = {"chung"};
  EXPECT_EQ(Paths(o), (Ids{"a13.txt", "e15.txt"}));
  o.authors = {"JEN"};
  EXPECT_EQ(Paths(o), (Ids{"a13.txt", "c14.txt", "e15.txt"}));
  o.authors = {};
  o.query = "subway author:yakas";
  EXPECT_EQ(Paths(o), (Ids{"b14.txt", "e15.txt"}));
}

TEST_F(DateFilterTest, AuthorFullNameMatchesExactly) {
  SearchOptions o = Query("subway author:\"Jen Chung\"");
  EXPECT_EQ(Paths(o), (Ids{"a13.txt"}));
  o.query = "subway";
  o.authors = {"jen chung"};
  EXPECT_EQ(Paths(o), (Ids{"a13.txt"}));
  // Nobody is exactly "Chung and Ben": the name as a run of words.
  o.authors = {"Chung and Ben"};
  EXPECT_EQ(Paths(o), (Ids{"e15.txt"}));
  // Author filters are ANDed, and combine with dates.
  o.authors = {"jen", "yakas"};
  EXPECT_EQ(Paths(o), (Ids{"e15.txt"}));
  o.authors = {"jen"};
  o.since = "2014-06";
  o.until = "2014";
  EXPECT_EQ(Paths(o), (Ids{"c14.txt"}));
}

TEST_F(DateFilterTest, UnknownAuthorIsNotFound) {
  SearchOptions o = Query("subway");
  o.authors = {"Nobody Atall"};
  auto r = Run(o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  o.authors = {"--"};
  r = Run(o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(DateFilterTest, FilterOnlyListsNewestFirstWithFirstBodyParagraph) {
  Put({MakeArticle("k.txt", "2014-07-04", "Dan Dickinson",
                   {"Fireworks Over The River", "The show started at nine.", "It rained."},
                   ParagraphKind::kHeading)});
  SearchOptions o;
  o.since = "2014";
  o.until = "2014";
  auto r = Run(o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->hits.size(), 3u);
  EXPECT_EQ(r->hits[0].path, "c14.txt");
  EXPECT_EQ(r->hits[1].path, "k.txt");
  EXPECT_EQ(r->hits[1].paragraph,
            2);  // the heading is not the first body paragraph
  EXPECT_EQ(r->hits[1].text, "The show started at nine.");
  EXPECT_EQ(r->hits[1].date, "2014-07-04");
  EXPECT_EQ(r->hits[1].author, "Dan Dickinson");
  EXPECT_EQ(r->hits[2].path, "b14.txt");
  EXPECT_EQ(r->hits[2].paragraph, 1);
  EXPECT_EQ(r->total, 3);

  o.sort = SortOrder::kOldest;
  EXPECT_EQ(Paths(o), (Ids{"b14.txt", "k.txt", "c14.txt"}));

  SearchOptions by_author;
  by_author.authors = {"chung"};
  r = Run(by_author);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].path, "e15.txt");
  EXPECT_EQ(r->hits[0].paragraph, 1);
  EXPECT_EQ(r->hits[0].more_passages, 0);
  EXPECT_EQ(r->hits[1].path, "a13.txt");

  by_author.authors.clear();
  by_author.query = "author:yakas date:2014";
  EXPECT_EQ(Paths(by_author), (Ids{"b14.txt"}));
}

TEST_F(DateFilterTest, FilterOnlyEntityAndDate) {
  auto with_person = [](Article a) {
    a.entities = {Entity{EntityType::kPerson, "Bill de Blasio", {"de Blasio"}, 2}};
    return a;
  };
  Put({with_person(MakeArticle("m14.txt", "2014-02-01", "Jen Chung",
                               {"Snow fell.", "De Blasio closed schools.", "De Blasio spoke."})),
       with_person(MakeArticle("m16.txt", "2016-02-01", "Ben Yakas",
                               {"De Blasio visited Queens.", "Rain."}))});
  SearchOptions o;
  o.filters = {{EntityType::kPerson, "de Blasio"}};
  o.since = "2015";
  auto r = Run(o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].path, "m16.txt");
  EXPECT_EQ(r->hits[0].paragraph, 1);  // the passage that mentions him

  o.since = "";
  o.sort = SortOrder::kNewest;
  EXPECT_EQ(Paths(o), (Ids{"m16.txt", "m14.txt"}));
  o.sort = SortOrder::kOldest;
  EXPECT_EQ(Paths(o), (Ids{"m14.txt", "m16.txt"}));

  // With an author too (records hold no author term: passages instead).
  o.authors = {"chung"};
  r = Run(o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].path, "m14.txt");
  EXPECT_EQ(r->hits[0].paragraph, 2);
  EXPECT_EQ(r->hits[0].more_passages, 1);
}

}  // namespace
}  // namespace nsearch
