// End to end: a JSONL dump with dates and authors, indexed by the real
// nsearch-index, filtered and sorted by date and author through the real
// nsearch (flags and query fields), as a reader would.
#include <gtest/gtest.h>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

// line: date, author, title, text
constexpr const char* kDump[][4] = {
    {"2013-03-01T09:00:00Z", "Jen Chung", "Fares Rise",
     "Subway fares rose again on Sunday.\n\nCommuters grumbled on the "
     "platform."},
    {"Tue, 06 May 2014 10:00:00 GMT", "Ben Yakas", "Station Reopens",
     "A subway station reopened in Brooklyn.\n\nTrains ran late all morning."},
    {"Dec 31, 2014 11:30 pm", "Jen Carlson", "New Year Service",
     "Overnight subway service was announced for the holiday.\n\nFireworks lit "
     "the harbor."},
    {"", "", "Undated Piece", "An undated subway story without a byline."},
    {"2015-01-01", "Jen Chung", "Holiday Crowds",
     "Crowds filled the subway on New Year's Day.\n\nThe streets were quiet."},
};

class E2eDates : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    index_ = *dir_ / "index";
    std::string dump;
    for (const auto& a : kDump) {
      json line = {{"title", a[2]}, {"text", a[3]}};
      if (*a[0]) line["date"] = a[0];
      if (*a[1]) line["author"] = a[1];
      dump += line.dump() + "\n";
    }
    WriteFile(*dir_ / "news.jsonl", dump);
    const RunResult r = RunBinary(IndexBin(), {"--index", index_, *dir_ / "news.jsonl"});
    index_log_ = r.out + r.err;
    index_exit_ = r.exit_code;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override { ASSERT_EQ(index_exit_, 0) << index_log_; }

  static RunResult Search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--index", index_});
    return RunBinary(SearchBin(), args);
  }

  // Titles of the hits of nsearch --json ARGS, in order.
  static std::vector<std::string> Titles(std::vector<std::string> args, json* response = nullptr) {
    args.insert(args.begin(), "--json");
    const RunResult r = Search(args);
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.exit_code << ": " << r.err;
    std::string error;
    json j = ParseOne(r.out, &error);
    EXPECT_TRUE(error.empty()) << error;
    std::vector<std::string> titles;
    if (j.is_object())
      for (const auto& h : j["results"]) titles.push_back(h["title"]);
    if (response) *response = j;
    return titles;
  }

  static TempDir* dir_;
  static std::string index_;
  static std::string index_log_;
  static int index_exit_;
};

TempDir* E2eDates::dir_ = nullptr;
std::string E2eDates::index_;
std::string E2eDates::index_log_;
int E2eDates::index_exit_ = -1;

using Titles_ = std::vector<std::string>;

TEST_F(E2eDates, SinceUntilFlagsAreInclusive) {
  EXPECT_EQ(Titles({"--sort", "oldest", "--since", "2014", "--until", "2014", "subway"}),
            (Titles_{"Station Reopens", "New Year Service"}));
  EXPECT_EQ(Titles({"--sort", "oldest", "--until", "2014-05-06", "subway"}),
            (Titles_{"Fares Rise", "Station Reopens"}));
  EXPECT_EQ(Titles({"--since", "2015-01", "subway"}), (Titles_{"Holiday Crowds"}));
}

TEST_F(E2eDates, SortDateNewestFirstUndatedLast) {
  json response;
  EXPECT_EQ(Titles({"--sort", "date", "subway"}, &response),
            (Titles_{"Holiday Crowds", "New Year Service", "Station Reopens", "Fares Rise",
                     "Undated Piece"}));
  EXPECT_EQ(response.value("sort", ""), "date");
  ASSERT_EQ(response["results"].size(), 5u);
  EXPECT_EQ(response["results"][1].value("date", ""), "2014-12-31T23:30:00");
  EXPECT_EQ(response["results"][1].value("author", ""), "Jen Carlson");
  EXPECT_FALSE(response["results"][4].contains("date"));

  EXPECT_EQ(Titles({"--sort", "oldest", "subway"}).front(), "Fares Rise");
  Titles({"subway"}, &response);
  EXPECT_FALSE(response.contains("sort"));  // relevance is the default, not shown
}

TEST_F(E2eDates, AuthorFlagAndField) {
  EXPECT_EQ(Titles({"--sort", "date", "--author", "chung", "subway"}),
            (Titles_{"Holiday Crowds", "Fares Rise"}));
  EXPECT_EQ(Titles({"--sort", "date", "--author", "Jen", "subway"}),
            (Titles_{"Holiday Crowds", "New Year Service", "Fares Rise"}));
  EXPECT_EQ(Titles({"--sort", "date", "subway author:\"Jen Carlson\""}),
            (Titles_{"New Year Service"}));
  EXPECT_EQ(Titles({"subway", "author:yakas"}), (Titles_{"Station Reopens"}));
}

TEST_F(E2eDates, DateFieldInQuery) {
  EXPECT_EQ(Titles({"--sort", "oldest", "subway date:2014..2015"}),
            (Titles_{"Station Reopens", "New Year Service", "Holiday Crowds"}));
  EXPECT_EQ(Titles({"subway", "date:2014-12-31"}), (Titles_{"New Year Service"}));
  EXPECT_EQ(Titles({"--author", "chung", "subway date:2013"}), (Titles_{"Fares Rise"}));
}

TEST_F(E2eDates, FiltersWithoutWordsListNewestFirst) {
  json response;
  EXPECT_EQ(Titles({"--since", "2014", "--until", "2015"}, &response),
            (Titles_{"Holiday Crowds", "New Year Service", "Station Reopens"}));
  ASSERT_FALSE(response["results"].empty());
  EXPECT_EQ(response["results"][0]["text"], "Crowds filled the subway on New Year's Day.");
  EXPECT_EQ(Titles({"--author", "Jen Chung"}), (Titles_{"Holiday Crowds", "Fares Rise"}));
  EXPECT_EQ(Titles({"author:carlson"}), (Titles_{"New Year Service"}));

  // Terminal output shows the date next to the path.
  const RunResult r = Search({"--color", "never", "date:2013"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "Fares Rise")) << r.out;
  EXPECT_TRUE(Contains(r.out, "news.jsonl:1:1  2013-03-01")) << r.out;
}

TEST_F(E2eDates, BadInputIsAUsageErrorNamingFlagAndValue) {
  for (const auto& [flag, value] :
       {std::pair{"--since", "2014-13"}, std::pair{"--until", "yesterday"},
        std::pair{"--since", "2014..2015"}, std::pair{"--sort", "newest-ish"}}) {
    const RunResult r = Search({flag, value, "subway"});
    EXPECT_EQ(r.exit_code, 2) << flag << " " << value;
    EXPECT_TRUE(Contains(r.err, flag)) << r.err;
    EXPECT_TRUE(Contains(r.err, value)) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  RunResult r = Search({"subway date:2014-02-30"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Contains(r.err, "2014-02-30")) << r.err;
  // An author nobody has is an empty result, like an unknown person.
  r = Search({"--author", "Nobody Known", "subway"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Contains(r.err, "Nobody Known")) << r.err;
}

}  // namespace
}  // namespace nsearch::e2e
