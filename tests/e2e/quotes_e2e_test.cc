// Who said what, through the real binaries, on tests/fixtures/quotes-bundle
// (three short articles written for these tests).
#include <gtest/gtest.h>

#include <set>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

std::string QuotesBundle() { return NSEARCH_FIXTURES "/quotes-bundle"; }

class E2eQuotes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    index_ = *tmp_ / "idx";
    ASSERT_EQ(RunBinary(IndexBin(), {"-q", "--index", index_, QuotesBundle()}).exit_code, 0);
  }
  static void TearDownTestSuite() { delete tmp_; }

  static json Quotes(std::vector<std::string> args, int expect_exit = 0) {
    args.insert(args.begin(), {"--index", index_, "--json", "--quotes"});
    return SearchJson(args, expect_exit);
  }

  static std::set<std::string> Speakers(const json& response) {
    std::set<std::string> out;
    for (const auto& q : response.value("quotes", json::array()))
      out.insert(q.value("speaker", ""));
    return out;
  }

  static TempDir* tmp_;
  static std::string index_;
};

TempDir* E2eQuotes::tmp_ = nullptr;
std::string E2eQuotes::index_;

TEST_F(E2eQuotes, ListsHerQuotesAndOnlyHers) {
  json r = Quotes({"Kowalczyk"});
  EXPECT_EQ(r["speaker"], "Anna Kowalczyk");
  EXPECT_EQ(r["total"], 3);
  ASSERT_EQ(r["quotes"].size(), 3u);
  EXPECT_EQ(Speakers(r), std::set<std::string>{"Anna Kowalczyk"});
  for (const auto& q : r["quotes"]) {
    EXPECT_TRUE(EndsWith(q["path"].get<std::string>(), "02-analyst-interview.txt"));
    EXPECT_GT(q["paragraph"].get<int>(), 0);
    EXPECT_FALSE(q["text"].get<std::string>().empty());
  }
  EXPECT_EQ(r["quotes"][1]["text"],
            "The only lever that has worked so far is steady economic pressure, and it works "
            "slowly.");
}

TEST_F(E2eQuotes, EverySpellingIsOneSpeaker) {
  // The article writes "Zelenskyy"; any spelling finds his three quotes.
  json a = Quotes({"Zelensky"});
  json b = Quotes({"Zelenskyy"});
  json c = Quotes({"Volodymyr Zelensky"});
  EXPECT_EQ(a["speaker"], "Volodymyr Zelensky");
  EXPECT_EQ(a["total"], 3);
  EXPECT_EQ(a["quotes"], b["quotes"]);
  EXPECT_EQ(a["quotes"], c["quotes"]);
  for (const auto& q : a["quotes"])
    EXPECT_TRUE(EndsWith(q["path"].get<std::string>(), "01-zelenskyy-address.txt"));
}

TEST_F(E2eQuotes, WordsKeepTheQuotesHoldingThem) {
  json r = Quotes({"Lavrov", "ultimatum"});
  ASSERT_EQ(r["quotes"].size(), 1u);
  EXPECT_EQ(r["quotes"][0]["text"], "but not to ultimatums dressed up as proposals.");
  EXPECT_EQ(HighlightedWords(r["quotes"][0]), std::vector<std::string>{"ultimatums"});
  EXPECT_EQ(Quotes({"Lavrov", "bicycle"}, 1)["total"], 0);
}

TEST_F(E2eQuotes, AQuoteRunningIntoTheNextParagraphKeepsItsSpeaker) {
  json r = Quotes({"Okafor"});
  ASSERT_EQ(r["quotes"].size(), 2u);
  EXPECT_EQ(r["quotes"][0]["paragraph"], 2);
  EXPECT_EQ(r["quotes"][1]["paragraph"], 3);
}

TEST_F(E2eQuotes, NobodyQuotedByThatNameIsNoResult) {
  RunResult r = RunBinary(SearchBin(), {"--index", index_, "--quotes", "Nobody"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "Nobody")) << r.err;
  EXPECT_EQ(Quotes({"Nobody"}, 1)["quotes"], json::array());
}

TEST_F(E2eQuotes, TerminalShowsTheQuoteAndWhereItIs) {
  RunResult r = RunBinary(SearchBin(), {"--index", index_, "--quotes", "Lavrov", "ultimatums"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "[ultimatums]")) << r.out;
  EXPECT_TRUE(Contains(r.out, "02-analyst-interview.txt:6")) << r.out;
  EXPECT_TRUE(Contains(r.out, "1 quote by Sergei Lavrov")) << r.out;
}

TEST_F(E2eQuotes, DryRunListsEveryQuoteUnattributedOnesWithoutSpeaker) {
  RunResult r = RunBinary(IndexBin(), {"--dry-run", "--json", QuotesBundle()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json a = DryRunByFileName(r.out)["01-zelenskyy-address.txt"];
  ASSERT_EQ(a["quotes"].size(), 5u);
  EXPECT_EQ(a["quotes"][0]["speaker"], "Volodymyr Zelensky");
  EXPECT_EQ(a["quotes"][0]["paragraph"], 2);
  EXPECT_TRUE(a["quotes"][3]["speaker"].is_null());  // "the spokesman told reporters"
  EXPECT_TRUE(a["quotes"][4]["speaker"].is_null());  // "one diplomat said"
}

}  // namespace
}  // namespace nsearch::e2e
