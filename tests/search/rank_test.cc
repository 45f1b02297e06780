// Passage evidence: the passage shown and the score's parts come out the
// same whether or not the scorer first learned, from the posting lists,
// which articles hold each query term and read their positions ahead
// (FindHolders, which spares reading the positions of terms an article
// lacks and most of the position table's blocks).
#include "search/rank.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "index/index_test_util.h"
#include "index/schema.h"

namespace nsearch::search {
namespace {

using testing_util::BodyArticle;

class RankTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::FreshTestDir("nsearch-rank");
    std::vector<Article> articles;
    // Filler articles keep "ferry" and "fare" rare (FindHolders looks
    // only at terms in fewer than an eighth of the articles).
    for (int i = 0; i < 30; ++i)
      articles.push_back(BodyArticle("filler" + std::to_string(i) + ".txt",
                                     {"The council met on Tuesday about the budget."}));
    articles.push_back(BodyArticle(
        "both.txt", {"The council met.", "The ferry fare rises in March, the ferry board said."}));
    articles.push_back(
        BodyArticle("ferry.txt", {"A new ferry landing opens.", "Ferry riders cheered."}));
    articles.push_back(BodyArticle("fare.txt", {"The bus fare stays the same."}));
    articles.push_back(BodyArticle("neither.txt", {"The council met again."}));
    testing_util::PutArticles(dir_.string(), articles);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CompiledQuery Compile(Xapian::Database& db, std::string_view raw) {
    FieldResolvers r;
    r.entity = [](EntityType, const std::string& typed) -> Result<std::vector<std::string>> {
      return Status::NotFound("no one called " + typed);
    };
    r.author = [](const std::string& typed) -> Result<std::vector<std::string>> {
      return std::vector<std::string>{typed};
    };
    auto q = CompileQuery(db, raw, {}, std::nullopt, {}, r, {});
    EXPECT_TRUE(q.ok());
    return *q;
  }

  Xapian::docid DocOf(const Xapian::Database& db, const std::string& id) {
    const std::string term = std::string(index::kPrefixArticle) + index::ArticleKey(id);
    auto p = db.postlist_begin(term);
    EXPECT_NE(p, db.postlist_end(term)) << id;
    return *p;
  }

  std::filesystem::path dir_;
};

TEST_F(RankTest, KnowingWhoHoldsTheTermsChangesNoEvidence) {
  Xapian::Database db(dir_.string());
  // The documents FindHolders is told about; the first is the one whose
  // term list moves the position cursor, and a filler holds none of the
  // query's words.
  const std::vector<std::vector<const char*>> sets = {
      {"both.txt", "ferry.txt", "fare.txt", "neither.txt"},
      {"filler3.txt", "fare.txt", "both.txt", "ferry.txt"},
      {"neither.txt", "ferry.txt"}};
  for (const char* raw : {"ferry fare", "\"ferry fare\" council", "fare", "ferry OR bus"}) {
    const CompiledQuery q = Compile(db, raw);
    const LengthStats lengths = ReadLengthStats(db);
    for (const auto& set : sets) {
      for (bool prime : {true, false}) {
        PassageScorer plain(db, q, false, lengths);
        PassageScorer told(db, q, false, lengths);
        std::vector<Xapian::docid> dids;
        for (const char* id : set) dids.push_back(DocOf(db, id));
        told.FindHolders(dids, prime);
        // Every article is scored, also those FindHolders was not told of.
        std::vector<Xapian::docid> all;
        for (const char* id : {"both.txt", "ferry.txt", "fare.txt", "neither.txt", "filler3.txt"})
          all.push_back(DocOf(db, id));
        const auto layouts = Layouts(db, all);
        for (size_t i = 0; i < all.size(); ++i) {
          SCOPED_TRACE(std::string(raw) + " in document " + std::to_string(all[i]) +
                       (prime ? ", primed" : ", not primed") + ", told of " +
                       std::to_string(dids.size()));
          const ArticleEvidence a = plain.Score(all[i], 1.0, layouts[i]);
          const ArticleEvidence b = told.Score(all[i], 1.0, layouts[i]);
          EXPECT_EQ(a.paragraph, b.paragraph);
          EXPECT_DOUBLE_EQ(a.score, b.score);
          EXPECT_DOUBLE_EQ(a.passage_bm25, b.passage_bm25);
          EXPECT_DOUBLE_EQ(a.proximity, b.proximity);
          EXPECT_EQ(a.matching_passages, b.matching_passages);
          EXPECT_EQ(a.matched_words, b.matched_words);
        }
      }
    }
  }
  // And the evidence is there to keep: the article with both words in one
  // paragraph shows that paragraph, highlighted where both matched.
  const CompiledQuery q = Compile(db, "ferry fare");
  PassageScorer told(db, q, false, ReadLengthStats(db));
  const Xapian::docid both = DocOf(db, "both.txt");
  told.FindHolders({both, DocOf(db, "neither.txt")});
  const ArticleEvidence e = told.Score(both, 1.0, Layouts(db, {both})[0]);
  EXPECT_EQ(e.paragraph, 2);
  EXPECT_EQ(e.matched_words.size(), 3u);  // ferry, fare, ferry
  EXPECT_GT(e.proximity, 0);
}

}  // namespace
}  // namespace nsearch::search
