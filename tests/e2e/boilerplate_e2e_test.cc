// End to end: the page furniture around the sample articles (comment forms,
// cookie notices, teasers for unrelated stories, share and newsletter lines,
// photo credits) is kept out of search results unless asked for.
#include <gtest/gtest.h>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

// Every line of the sample bundle that is not part of a story.
const std::vector<std::string>& FurnitureLines() {
  static const std::vector<std::string> kLines = {
      "Share this article",
      "Leave a comment",
      "0 Comments",
      "Post a Comment",
      "Post a Comment (0)",
      "Source link",
      "0FansLike",
      "0FollowersFollow",
      "0SubscribersSubscribe",
      "We use cookies to give you the best experience on our website. By continuing to browse, "
      "you agree to our use of cookies.",
      "We use cookies to ensure that we give you the best experience on our website. If you "
      "continue to use this site we will assume that you are happy with it.",
      "Sign up for our newsletter and get the day's top stories in your inbox every morning.",
      "Sign up for our newsletter to get the latest Europe headlines every weekday.",
      "Sign up for our newsletter to get the latest headlines in your inbox.",
      "READ MORE: Five autumn soups you can make in under thirty minutes",
      "READ MORE: Local bakery wins national award for its rye bread",
      "READ MORE: How to choose running shoes for winter",
      "READ MORE: The ten best beaches in southern Europe for a quiet holiday",
      "READ MORE: Scientists discover a new species of frog in the Andes",
      "READ MORE: Why your houseplants keep dying and how to fix it",
      "Photo by Selin Aydemir/Reuters",
      "Photo by Daria Koval/Reuters",
      "NewsWireLogo",
  };
  return kLines;
}

bool IsFurniture(const std::string& text) {
  for (const auto& l : FurnitureLines())
    if (text == l) return true;
  return false;
}

class E2eBoilerplate : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    index_ = *dir_ / "index";
    const RunResult r = RunBinary(IndexBin(), {"--index", index_, SampleBundle()});
    index_exit_ = r.exit_code;
    index_log_ = r.err;
    dry_run_ = new RunResult(RunBinary(IndexBin(), {"--dry-run", "--json", SampleBundle()}));
  }
  static void TearDownTestSuite() {
    delete dry_run_;
    delete dir_;
  }
  void SetUp() override { ASSERT_EQ(index_exit_, 0) << index_log_; }

  static RunResult Search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--index", index_, "--json", "--limit", "100"});
    return RunBinary(SearchBin(), args);
  }

  static TempDir* dir_;
  static std::string index_;
  static int index_exit_;
  static std::string index_log_;
  static RunResult* dry_run_;
};

TempDir* E2eBoilerplate::dir_ = nullptr;
std::string E2eBoilerplate::index_;
int E2eBoilerplate::index_exit_ = -1;
std::string E2eBoilerplate::index_log_;
RunResult* E2eBoilerplate::dry_run_ = nullptr;

TEST_F(E2eBoilerplate, QueriesForFurnitureWordsReturnNoFurniture) {
  const std::vector<std::string> queries = {
      "cookies",     "comment",   "comments",  "newsletter",    "share article", "source link",
      "inbox",       "soups",     "rye bread", "running shoes", "beaches",       "frog",
      "houseplants", "followers", "subscribe", "Reuters",       "photo",         "NewsWireLogo"};
  for (const auto& q : queries) {
    const RunResult r = Search({q});
    ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << q << ": " << r.err;
    std::string error;
    const json j = ParseOne(r.out, &error);
    ASSERT_TRUE(error.empty()) << error;
    for (const auto& hit : j["results"]) {
      EXPECT_FALSE(IsFurniture(hit["text"]))
          << "query [" << q << "] returned page furniture: " << hit["path"] << ":"
          << hit["paragraph"] << " " << hit["text"];
    }
  }
}

TEST_F(E2eBoilerplate, WordsOnlyInFurnitureFindNothing) {
  // None of these words occurs in any story, so nothing should match.
  for (const std::string q : {"cookies", "newsletter", "soups", "houseplants", "Reuters"}) {
    const RunResult r = Search({q});
    EXPECT_EQ(r.exit_code, 1) << "query [" << q << "] should find no story:\n" << r.out;
  }
}

TEST_F(E2eBoilerplate, CommentInTheStoryIsStillFound) {
  // "The Kremlin declined to comment ..." is news; "Leave a comment" is not.
  const RunResult r = Search({"comment"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string error;
  const json j = ParseOne(r.out, &error);
  bool kremlin = false;
  for (const auto& hit : j["results"])
    kremlin |= Contains(hit["text"], "The Kremlin declined to comment");
  EXPECT_TRUE(kremlin) << j.dump(2);
}

TEST_F(E2eBoilerplate, DryRunMarksFurnitureAsBoilerplateOrCredit) {
  ASSERT_EQ(dry_run_->exit_code, 0) << dry_run_->err;
  int seen = 0;
  for (const auto& [name, article] : DryRunByFileName(dry_run_->out)) {
    for (const auto& p : article["paragraphs"]) {
      if (!IsFurniture(p["text"])) continue;
      ++seen;
      const std::string kind = p["kind"];
      EXPECT_TRUE(kind == "boilerplate" || kind == "credit")
          << name << ":" << p["n"] << " [" << p["text"] << "] is " << kind;
    }
  }
  // Most furniture lines are kept as paragraphs (so --include-boilerplate can
  // find them); the logo line may become neither title nor paragraph.
  EXPECT_GE(seen, 30);
}

TEST_F(E2eBoilerplate, IncludeBoilerplateFindsTheCookieNotice) {
  const RunResult r = Search({"--include-boilerplate", "cookies"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string error;
  const json j = ParseOne(r.out, &error);
  ASSERT_FALSE(j["results"].empty());
  EXPECT_TRUE(Contains(j["results"][0]["text"], "We use cookies")) << j.dump(2);
}

}  // namespace
}  // namespace nsearch::e2e
