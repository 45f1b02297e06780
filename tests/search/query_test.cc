// The query language as users type it: words, phrases, operators, fields,
// wildcards, spellings of one name and suggestions, compiled against a real
// index; stray syntax never fails.
#include "search/query.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "index/index_test_util.h"

namespace nsearch::search {
namespace {

using testing_util::BodyArticle;

class QueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("nsearch-query-" + std::to_string(::getpid())));
    std::filesystem::remove_all(*dir_);
    Article kyiv = BodyArticle("kyiv.txt", {"Negotiators met in Kyiv on Monday.",
                                            "The negotiations about prisoners went on."});
    kyiv.entities.push_back({EntityType::kPlace, "Kyiv", {"Kyiv"}, 1});
    Article lavrov = BodyArticle("lavrov.txt", {"Sergei Lavrov said negotiating was hard."});
    lavrov.entities.push_back({EntityType::kPerson, "Sergei Lavrov", {"Sergei Lavrov"}, 1});
    testing_util::PutArticles(dir_->string(), {kyiv, lavrov});
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }

  Result<CompiledQuery> Compile(std::string_view raw, CompileOptions options = {}) {
    Xapian::Database db(dir_->string());
    FieldResolvers r;
    r.entity = [](EntityType, const std::string& typed) -> Result<std::vector<std::string>> {
      if (typed == "Lavrov") return std::vector<std::string>{"Sergei Lavrov"};
      return Status::NotFound("no one called " + typed);
    };
    r.author = [](const std::string& typed) -> Result<std::vector<std::string>> {
      return std::vector<std::string>{typed};
    };
    return CompileQuery(db, raw, {}, std::nullopt, {}, r, options);
  }

  // The terms standing for each positive word, sorted, words joined by "|".
  std::string Words(std::string_view raw, CompileOptions options = {}) {
    auto q = Compile(raw, options);
    EXPECT_TRUE(q.ok()) << q.status().message();
    if (!q.ok()) return "?";
    std::string out;
    for (auto w : q->words) {
      std::sort(w.terms.begin(), w.terms.end());
      if (!out.empty()) out += "|";
      for (size_t i = 0; i < w.terms.size(); ++i) out += (i ? "," : "") + w.terms[i];
    }
    return out;
  }

  static std::filesystem::path* dir_;
};
std::filesystem::path* QueryTest::dir_ = nullptr;

TEST(NormalizeQueryTextTest, FoldsWordsKeepsOperatorsAndFieldValues) {
  EXPECT_EQ(NormalizeQueryText("Türkiye AND \"Foreign Minister\" -Kiev"),
            "turkiye AND \"foreign minister\" -kiev");
  EXPECT_EQ(NormalizeQueryText("+ceasefire (Istanbul OR Ankara)"),
            "+ceasefire (istanbul OR ankara)");
  EXPECT_EQ(NormalizeQueryText("30-day U.S. plan"), "30-day us plan");
  EXPECT_EQ(NormalizeQueryText("title:Talks"), "title:talks");
  EXPECT_EQ(NormalizeQueryText("PERSON:\"Marco Rubio\" Date:2014..2015"),
            "person:\"Marco Rubio\" date:2014..2015");
  EXPECT_EQ(NormalizeQueryText("Negotiat*"), "nsearchwildcard:negotiat");
  EXPECT_EQ(NormalizeQueryText("a\x01\tb\x7f"), "a b");
}

TEST_F(QueryTest, StrayQuotesAndOperatorsNeverFail) {
  for (const char* q : {"\"ceasefire", "AND", "ceasefire AND", "((", "-", "\"\"", "OR OR NOT", "+",
                        "ceasefire )(", "NEAR/3", "title:", "*", "\xff\xfe broken", "AND AND"}) {
    auto r = Compile(q);
    EXPECT_TRUE(r.ok()) << q << ": " << r.status().message();
  }
}

TEST_F(QueryTest, IgnoredSyntaxIsSaid) {
  auto q = Compile("\"negotiators Kyiv");
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->notes.size(), 1u);
  EXPECT_NE(q->notes[0].find("quote"), std::string::npos);
  q = Compile("ceasefire AND");
  ASSERT_TRUE(q.ok());
  EXPECT_TRUE(q->has_text);
  ASSERT_EQ(q->notes.size(), 1u);
}

TEST_F(QueryTest, OperatorsAloneSearchNothing) {
  for (const char* only : {"AND", "OR NOT", "AND AND", "NOT"}) {
    auto q = Compile(only);
    ASSERT_TRUE(q.ok()) << only;
    EXPECT_FALSE(q->has_text) << only;
    EXPECT_TRUE(q->query.empty()) << only;
  }
}

TEST_F(QueryTest, ExclusionsAloneMeanArticlesWithoutTheWords) {
  auto q = Compile("-kyiv");
  ASSERT_TRUE(q.ok());
  EXPECT_FALSE(q->has_text);
  EXPECT_TRUE(q->excludes);
  EXPECT_FALSE(q->query.empty());
}

TEST_F(QueryTest, ExcludedAndStopWordsAreNotQueryWords) {
  EXPECT_EQ(Words("negotiators -Kyiv"), "negoti");
  EXPECT_EQ(Words("negotiators NOT Kyiv"), "negoti");
  EXPECT_EQ(Words("the negotiators in Kyiv", {.exact = true}), "negoti|kyiv");
  EXPECT_EQ(Words("the who"), "the|who");  // nothing else: kept
}

TEST_F(QueryTest, PhrasesKeepTheirOrder) {
  auto q = Compile("\"met in Kyiv\" prisoners");
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->phrases.size(), 1u);
  // The stop word is a gap: the index has no position for it.
  EXPECT_EQ(q->phrases[0].terms, (std::vector<std::string>{"met", "kyiv"}));
  EXPECT_EQ(q->phrases[0].offsets, (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(q->phrases[0].length, 3u);
  EXPECT_EQ(Words("\"met in Kyiv\" prisoners"), "prison");
}

TEST_F(QueryTest, SpellingsOfANameAreOneWord) {
  EXPECT_EQ(Words("Kiev"), "kiev,kyiv");
  EXPECT_EQ(Words("Kyiv"), "kiev,kyiv");
  EXPECT_EQ(Words("\"Kiev\""), "kiev");  // quoted: that spelling only
  EXPECT_EQ(Words("Kiev", {.exact = true}), "kiev");
}

TEST_F(QueryTest, TrailingWildcardExpandsOverIndexWords) {
  EXPECT_EQ(Words("negotiat*"), "negoti");  // negotiators, negotiations, negotiating
  auto q = Compile("ne*");
  EXPECT_EQ(q.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(q.status().message().find("too short"), std::string::npos);
  q = Compile("zzz*");
  ASSERT_TRUE(q.ok());
  EXPECT_TRUE(q->words.empty());
}

TEST_F(QueryTest, UnknownWordsGetASuggestion) {
  auto q = Compile("Lavorv");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->suggestion, "lavrov");
  q = Compile("Lavrov");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->suggestion, "");
  q = Compile("Lavorv", {.exact = true});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->suggestion, "");
}

TEST_F(QueryTest, FieldsAreFiltersNotWords) {
  auto q = Compile("person:Lavrov");
  ASSERT_TRUE(q.ok());
  EXPECT_FALSE(q->has_text);
  ASSERT_EQ(q->resolved.size(), 1u);
  EXPECT_EQ(q->resolved[0].second, std::vector<std::string>{"Sergei Lavrov"});
  q = Compile("negotiating date:2014..2015 author:chung");
  ASSERT_TRUE(q.ok());
  EXPECT_TRUE(q->has_text);
  ASSERT_TRUE(q->date.has_value());
  EXPECT_EQ(q->date->from, "20140101");
  EXPECT_EQ(q->authors.size(), 1u);
  EXPECT_EQ(Compile("person:Nobody").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Compile("date:2014-13").status().code(), StatusCode::kInvalidArgument);
}

TEST_F(QueryTest, HugeQueriesDoNotOverflowTheStack) {
  std::string words;
  for (int i = 0; i < 2000; ++i) words += "\"w" + std::to_string(i) + " ";
  EXPECT_TRUE(Compile(words).ok());
  EXPECT_TRUE(Compile("person:" + std::string(100000, 'a')).status().code() ==
              StatusCode::kNotFound);
}

}  // namespace
}  // namespace nsearch::search
