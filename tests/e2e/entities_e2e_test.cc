// Faceted lookup by person through the real binaries, on the sample bundle:
// aliases resolve to one person, filters and facets count articles, and the
// co-occurrence and listing commands answer "who else, how often".
#include <gtest/gtest.h>

#include <set>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

class E2eEntities : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    index_ = *tmp_ / "idx";
    ASSERT_EQ(RunBinary(IndexBin(), {"-q", "--index", index_, SampleBundle()}).exit_code, 0);
  }
  static void TearDownTestSuite() { delete tmp_; }

  static json Search(std::vector<std::string> args, int expect_exit = 0) {
    args.insert(args.begin(), {"--index", index_, "--json"});
    return SearchJson(args, expect_exit);
  }

  static std::set<std::string> Paths(const json& response) {
    std::set<std::string> out;
    for (const auto& r : response.value("results", json::array())) out.insert(r.value("path", ""));
    return out;
  }

  static TempDir* tmp_;
  static std::string index_;
};

TempDir* E2eEntities::tmp_ = nullptr;
std::string E2eEntities::index_;

TEST_F(E2eEntities, SpellingVariantsFindTheSameArticles) {
  const auto a = Paths(Search({"--person", "Zelensky"}));
  const auto b = Paths(Search({"--person", "Zelenskyy"}));
  const auto c = Paths(Search({"--person", "Volodymyr Zelensky"}));
  EXPECT_GE(a.size(), 3u);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, c);
  json r = Search({"--person", "Zelenskyy"});
  ASSERT_TRUE(r.contains("filters"));
  EXPECT_EQ(r["filters"][0]["names"][0], "Volodymyr Zelensky");
}

TEST_F(E2eEntities, PlaceAliasesResolve) {
  EXPECT_EQ(Paths(Search({"--place", "Kiev"})), Paths(Search({"--place", "Kyiv"})));
}

TEST_F(E2eEntities, FilterWithWordsAndInTheQueryLanguage) {
  const auto with_words = Paths(Search({"--person", "Rubio", "ceasefire"}));
  ASSERT_FALSE(with_words.empty());
  EXPECT_EQ(with_words, Paths(Search({"person:\"Marco Rubio\" ceasefire"})));
  for (const auto& p : with_words) EXPECT_NE(p.find("rubio"), std::string::npos) << p;
}

TEST_F(E2eEntities, FilterOnlyHighlightsTheMentions) {
  json r = Search({"--person", "Lavrov"});
  ASSERT_FALSE(r["results"].empty());
  for (const auto& hit : r["results"]) {
    auto words = HighlightedWords(hit);
    ASSERT_FALSE(words.empty()) << hit.dump();
    for (const auto& w : words) EXPECT_NE(w.find("Lavrov"), std::string::npos) << w;
  }
}

TEST_F(E2eEntities, UnknownPersonIsNoResultsWithAJsonObject) {
  json r = Search({"--person", "Nobody Atall"}, 1);
  EXPECT_TRUE(r["results"].empty());
}

TEST_F(E2eEntities, FacetsCountArticles) {
  json r = Search({"--facets", "ceasefire"});
  ASSERT_TRUE(r.contains("facets"));
  const int64_t total = r["total"].get<int64_t>();
  for (const char* type : {"person", "place", "org"}) {
    for (const auto& f : r["facets"][type]) {
      EXPECT_GE(f["count"].get<int64_t>(), 1);
      EXPECT_LE(f["count"].get<int64_t>(), total) << f.dump();  // articles, not paragraphs
    }
  }
  EXPECT_FALSE(r["facets"]["person"].empty());
}

TEST_F(E2eEntities, CoOccurrenceAndListing) {
  RunResult with = RunBinary(SearchBin(), {"--index", index_, "--json", "--with", "Lavrov"});
  ASSERT_EQ(with.exit_code, 0) << with.err;
  json w = json::parse(with.out);
  EXPECT_EQ(w["names"][0], "Sergei Lavrov");
  EXPECT_GE(w["articles"].get<int64_t>(), 1);
  for (const auto& p : w["person"]) {
    EXPECT_NE(p["name"], "Sergei Lavrov");  // not himself
    EXPECT_LE(p["count"].get<int64_t>(), w["articles"].get<int64_t>());
  }

  RunResult list =
      RunBinary(SearchBin(), {"--index", index_, "--json", "--list", "person", "-n", "50"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  json l = json::parse(list.out);
  bool found = false;
  for (const auto& e : l["entities"]) {
    if (e["name"] != "Volodymyr Zelensky") continue;
    found = true;
    std::set<std::string> aliases(e["aliases"].begin(), e["aliases"].end());
    EXPECT_TRUE(aliases.count("Zelenskyy") || aliases.count("Zelensky")) << e.dump();
  }
  EXPECT_TRUE(found) << l.dump();

  RunResult nobody = RunBinary(SearchBin(), {"--index", index_, "--json", "--with", "Nobodyxyz"});
  EXPECT_EQ(nobody.exit_code, 1);
  EXPECT_EQ(json::parse(nobody.out)["articles"], 0);

  RunResult bad = RunBinary(SearchBin(), {"--index", index_, "--list", "things"});
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace nsearch::e2e
