// Saved searches and what is new since last asked (nsearch --save, --new,
// --since-run; nsearch-index --on-new-matches), through the real binaries
// on small bundles written here, indexed more than once. The index stamps
// articles with whole seconds, so runs a test tells apart are a second apart.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

class E2eSaved : public ::testing::Test {
 protected:
  void SetUp() override {
    bundle_ = dir_ / "bundle";
    index_ = dir_ / "idx";
    fs::create_directories(bundle_);
  }

  void Article(const std::string& name, const std::string& title, const std::string& body) {
    WriteFile(bundle_ + "/" + name, title + "\n\n" + body + "\n");
  }

  // A later indexer run, a second after the one before.
  RunResult Index(std::vector<std::string> extra = {}) {
    if (indexed_) std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    indexed_ = true;
    std::vector<std::string> args = {"-q", "--index", index_};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(bundle_);
    return RunBinary(IndexBin(), args);
  }

  RunResult Nsearch(std::vector<std::string> args) {
    args.insert(args.begin(), {"--index", index_});
    return RunBinary(SearchBin(), args);
  }

  json Json(std::vector<std::string> args, int expect_exit) {
    args.insert(args.begin(), {"--index", index_, "--json"});
    return SearchJson(args, expect_exit);
  }

  static std::set<std::string> Files(const json& response) {
    std::set<std::string> out;
    for (const auto& r : response.value("results", json::array()))
      out.insert(fs::path(r.value("path", "")).filename().string());
    return out;
  }

  TempDir dir_;
  std::string bundle_, index_;
  bool indexed_ = false;
};

using Names = std::set<std::string>;

TEST_F(E2eSaved, NewListsWhatWasAddedOrChangedSinceLastAsked) {
  Article("a.txt", "Talks resume", "Delegations met for ceasefire talks in Geneva on Monday.");
  Article("b.txt", "Harvest report", "Farmers brought in a record wheat harvest this autumn.");
  ASSERT_EQ(Index().exit_code, 0);
  ASSERT_EQ(Nsearch({"--save", "cf", "ceasefire"}).exit_code, 0);
  EXPECT_EQ(Files(Json({"--new", "cf"}, 1)), Names{});  // saving saw what was there

  Article("c.txt", "Deal in reach", "Negotiators said a ceasefire could be signed within days.");
  Article("b.txt", "Harvest report", "Farmers brought in a record harvest despite the ceasefire.");
  ASSERT_EQ(Index().exit_code, 0);
  const json fresh = Json({"--new", "cf"}, 0);
  EXPECT_EQ(Files(fresh), (Names{"b.txt", "c.txt"}));  // changed and added, not a.txt
  EXPECT_EQ(fresh["query"], "ceasefire");
  EXPECT_EQ(fresh["saved"], "cf");
  EXPECT_EQ(Files(Json({"--new", "cf"}, 1)), Names{});  // asked: nothing new any more

  // --since-run picks runs without moving the mark.
  EXPECT_EQ(Files(Json({"--new", "cf", "--since-run", "1"}, 0)), (Names{"b.txt", "c.txt"}));
  EXPECT_EQ(Files(Json({"--new", "cf", "--since-run", "2"}, 0)),
            (Names{"a.txt", "b.txt", "c.txt"}));
  EXPECT_EQ(Files(Json({"--new", "cf"}, 1)), Names{});
  const RunResult too_far = Nsearch({"--new", "cf", "--since-run", "5"});
  EXPECT_EQ(too_far.exit_code, 2);
  EXPECT_TRUE(Contains(too_far.err, "records 2 runs")) << too_far.err;
}

TEST_F(E2eSaved, SameQuerySemanticsAsAPlainSearch) {
  Article("p1.txt", "Signed", "The ceasefire agreement was signed at noon.");
  Article("p2.txt", "Later", "An agreement came first; a ceasefire only later.");
  Article("p3.txt", "Elsewhere", "Lavrov said no ceasefire agreement was on the table.");
  ASSERT_EQ(Index().exit_code, 0);
  for (const std::vector<std::string>& query :
       {std::vector<std::string>{"\"ceasefire agreement\""},
        std::vector<std::string>{"--person", "Lavrov", "ceasefire"},
        std::vector<std::string>{"ceasefire", "-Lavrov"}}) {
    std::vector<std::string> save = {"--save", "q"};
    save.insert(save.end(), query.begin(), query.end());
    ASSERT_EQ(Nsearch(save).exit_code, 0) << query[0];
    const json plain = Json(query, 0);
    EXPECT_EQ(Files(Json({"--new", "q", "--since-run", "1"}, 0)), Files(plain)) << query[0];
  }
  EXPECT_EQ(Files(Json({"\"ceasefire agreement\""}, 0)), (Names{"p1.txt", "p3.txt"}));
}

TEST_F(E2eSaved, SavedListsAndUnsaveDrops) {
  Article("a.txt", "Talks", "Ceasefire talks went on.");
  ASSERT_EQ(Index().exit_code, 0);
  ASSERT_EQ(Nsearch({"--save", "one", "ceasefire"}).exit_code, 0);
  ASSERT_EQ(Nsearch({"--save", "two", "--since", "2020", "talks"}).exit_code, 0);
  const json list = Json({"--saved"}, 0);
  ASSERT_EQ(list["saved"].size(), 2u);
  EXPECT_EQ(list["saved"][1]["name"], "two");
  EXPECT_EQ(list["saved"][1]["search"], "talks --since '2020'");
  EXPECT_EQ(Nsearch({"--unsave", "one"}).exit_code, 0);
  EXPECT_EQ(Json({"--saved"}, 0)["saved"].size(), 1u);
  EXPECT_EQ(Nsearch({"--unsave", "one"}).exit_code, 1);
  EXPECT_EQ(Nsearch({"--new", "nope"}).exit_code, 2);
  // A search that cannot run is not saved.
  const RunResult bad = Nsearch({"--save", "bad", "talks", "date:2014-99"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(Json({"--saved"}, 0)["saved"].size(), 1u);
}

TEST_F(E2eSaved, IndexerRunsTheCommandWithNewMatches) {
  Article("a.txt", "Talks", "Ceasefire talks went on.");
  ASSERT_EQ(Index().exit_code, 0);
  ASSERT_EQ(Nsearch({"--save", "cf", "ceasefire"}).exit_code, 0);
  ASSERT_EQ(Nsearch({"--save", "grain", "wheat"}).exit_code, 0);
  const std::string out = dir_ / "summary.txt";
  const std::string command = "cat > '" + out + "'; echo \"$NSEARCH_NEW_MATCHES\" >> '" + out + "'";
  Article("c.txt", "Deal", "A ceasefire was agreed at dawn.");
  ASSERT_EQ(Index({"--on-new-matches", command}).exit_code, 0);
  const std::string summary = ReadFile(out);
  EXPECT_TRUE(Contains(summary, "cf: 1 new matching article")) << summary;
  EXPECT_TRUE(Contains(summary, "c.txt")) << summary;
  EXPECT_FALSE(Contains(summary, "grain")) << summary;  // nothing new for it
  EXPECT_TRUE(EndsWith(summary, "1\n")) << summary;
  // Nothing new: the command does not run.
  fs::remove(out);
  ASSERT_EQ(Index({"--on-new-matches", command}).exit_code, 0);
  EXPECT_FALSE(fs::exists(out));
  // The user's own mark is the user's: the notification moved nothing.
  EXPECT_EQ(Files(Json({"--new", "cf"}, 0)), Names{"c.txt"});
}

}  // namespace
}  // namespace nsearch::e2e
