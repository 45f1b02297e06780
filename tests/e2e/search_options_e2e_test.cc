// End to end: nsearch's options as a new user meets them — --list and its
// limits, option values that are not allowed, options that do nothing in a
// combination, -v and -q, and the hint for a missing index.
#include <gtest/gtest.h>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

class E2eSearchOptions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    index_ = *dir_ / "index";
    bare_ = *dir_ / "bare";
    const RunResult r = RunBinary(IndexBin(), {"-q", "--index", index_, SampleBundle()});
    const RunResult b =
        RunBinary(IndexBin(), {"-q", "--no-entities", "--index", bare_, SampleBundle()});
    log_ = r.err + b.err;
    ok_ = r.exit_code == 0 && b.exit_code == 0;
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override { ASSERT_TRUE(ok_) << log_; }

  static RunResult Search(std::vector<std::string> args, const std::string& index = index_) {
    args.insert(args.begin(), {"--index", index});
    return RunBinary(SearchBin(), args);
  }

  static TempDir* dir_;
  static std::string index_, bare_, log_;
  static bool ok_;
};

TempDir* E2eSearchOptions::dir_ = nullptr;
std::string E2eSearchOptions::index_, E2eSearchOptions::bare_, E2eSearchOptions::log_;
bool E2eSearchOptions::ok_ = false;

TEST_F(E2eSearchOptions, ListShowsEveryEntityUnlessCapped) {
  const RunResult all = Search({"--list", "place"});
  EXPECT_EQ(all.exit_code, 0) << all.err;
  const size_t places = NonEmptyLines(all.out).size();
  EXPECT_GT(places, 10u) << "the sample bundle names more than ten places:\n" << all.out;
  EXPECT_EQ(NonEmptyLines(Search({"--list", "place", "-n", "3"}).out).size(), 3u);
  EXPECT_EQ(NonEmptyLines(Search({"--list", "place", "-n", "0"}).out).size(), places);
}

TEST_F(E2eSearchOptions, LimitZeroShowsEveryMatchingArticle) {
  std::string error;
  const json capped = ParseOne(Search({"--json", "-n", "2", "ceasefire"}).out, &error);
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_GT(capped["total"].get<int>(), 2);
  const RunResult all = Search({"--json", "-n", "0", "ceasefire"});
  EXPECT_EQ(all.exit_code, 0) << all.err;
  const json j = ParseOne(all.out, &error);
  EXPECT_EQ(j["results"].size(), capped["total"].get<size_t>()) << all.out;
}

TEST_F(E2eSearchOptions, ListJsonNamesTheCanonicalType) {
  for (const char* typed : {"people", "persons", "person"}) {
    const RunResult r = Search({"--list", typed, "--json"});
    std::string error;
    const json j = ParseOne(r.out, &error);
    ASSERT_TRUE(error.empty()) << error;
    EXPECT_EQ(j["type"], "person") << typed;
  }
  std::string error;
  EXPECT_EQ(ParseOne(Search({"--list", "organisation", "--json"}).out, &error)["type"], "org")
      << error;
}

TEST_F(E2eSearchOptions, EmptyListSaysSo) {
  const RunResult r = Search({"--list", "person"}, bare_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_TRUE(Contains(r.err, "no persons in the index")) << r.err;
  EXPECT_TRUE(Contains(r.err, "--no-entities")) << r.err;
  EXPECT_TRUE(Search({"-q", "--list", "person"}, bare_).err.empty());
}

TEST_F(E2eSearchOptions, BadColorIsAUsageError) {
  const RunResult r = Search({"--color", "blue", "ceasefire"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Contains(r.err, "--color")) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(Search({"--color", "never", "ceasefire"}).exit_code, 0);
}

TEST_F(E2eSearchOptions, VerboseLogsAndQuietSilencesNoResults) {
  const RunResult v = Search({"-v", "ceasefire"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_TRUE(Contains(v.err, "nsearch: debug: ")) << v.err;
  EXPECT_TRUE(Contains(v.err, "matching articles")) << v.err;
  EXPECT_TRUE(Search({"ceasefire"}).err.empty()) << "without -v, nothing on stderr";

  const RunResult none = Search({"xylophone"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_TRUE(Contains(none.err, "no results")) << none.err;
  const RunResult quiet = Search({"-q", "xylophone"});
  EXPECT_EQ(quiet.exit_code, 1);
  EXPECT_TRUE(quiet.err.empty()) << quiet.err;
  EXPECT_TRUE(Search({"-q", "--person", "Nobody Atall"}).err.empty());
}

TEST_F(E2eSearchOptions, OptionsThatDoNothingBesideListSaySo) {
  const RunResult r = Search({"--list", "person", "--since", "2020", "ceasefire", "talks"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "warning: --list ignores the query 'ceasefire talks'")) << r.err;
  EXPECT_TRUE(Contains(r.err, "date and author filters")) << r.err;
  EXPECT_FALSE(r.out.empty());
  EXPECT_TRUE(Search({"--list", "person"}).err.empty());
  EXPECT_TRUE(Contains(Search({"--with", "Lavrov", "Istanbul"}).err, "--with ignores"));
}

TEST_F(E2eSearchOptions, MissingIndexHintQuotesPathsWithSpaces) {
  const std::string missing = *dir_ / "my index";
  const RunResult r = Search({"ceasefire"}, missing);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Contains(r.err, "nsearch-index --index '" + missing + "' BUNDLE")) << r.err;
  const RunResult plain = Search({"ceasefire"}, *dir_ / "none");
  EXPECT_TRUE(Contains(plain.err, "nsearch-index --index " + (*dir_ / "none") + " BUNDLE"))
      << plain.err;
}

TEST(E2eHelp, HelpTextsMatchTheCommandReference) {
  const RunResult search = RunBinary(SearchBin(), {"--help"});
  const RunResult index = RunBinary(IndexBin(), {"--help"});
  EXPECT_EQ(search.exit_code, 0);
  EXPECT_EQ(index.exit_code, 0);
  for (const RunResult* r : {&search, &index})
    EXPECT_TRUE(Contains(r->out, "$XDG_DATA_HOME/nsearch/index")) << r->out;
  EXPECT_TRUE(Contains(index.out, "classify and extract")) << index.out;
  EXPECT_TRUE(Contains(index.out, "--jsonl-id-field")) << index.out;
}

}  // namespace
}  // namespace nsearch::e2e
